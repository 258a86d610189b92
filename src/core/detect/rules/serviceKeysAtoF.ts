// Services A to F whose keys have no prefix: `Provider word[,word] shape…` (see `serviceKeyTable.ts`).
// Words and shapes are facts read from trufflehog's keyword detectors (`pkg/detectors/*`, the value
// after `PrefixRegex(words)`). A shape is a class letter and a length (`l32`, `a20..40`): l = [0-9a-z],
// a = [0-9a-zA-Z], h = hex, u = [0-9A-Z], d = digits, L/U/m = those with `-`, n/k = with `_`,
// w = [0-9a-zA-Z_-]; `-` joins segments. A line's parts are all needed, as the detector needs them;
// a part marked `&` (an id) must be there but is not itself reported.

/** Table lines for services A to F. */
export const SERVICE_KEYS_A_TO_F = `
AbuseIPDB abuseipdb l80
Abyssale abyssale a40
Accuweather accuweather a32
Accuweather accuweather a35
Adzuna adzuna l32 &l8
Agora agora l32 l32
Aha aha h64
AirbrakeProjectKey airbrake m32 &d6
AirbrakeUserKey airbrake m40
Airship airship a91
AirVisual airvisual L36
Alconost alconost l32
Alegra alegra L20
AletheiaApi aletheiaapi u32
AlgoliaAdminKey algolia,docsearch a32 &u10
AlienVault alienvault l64
Allsports allsports l64
Amadeus amadeus a32 a16
Ambee ambee h64
AmplitudeApiKey amplitude h32 h32
Anypoint anypoint l8-l4-l4-l4-l12 &l8-l4-l4-l4-l12
AnypointOAuth2 anypoint x32 &h32
Apacta apacta L36
Api2Cart api2cart h32
Apiflash apiflash l32
ApiFonica apifonica l11-l4-l4-l4-l12
Apilayer apilayer a32
APIMatic apimatic w64
ApiMetrics apimetrics a32
APITemplate apitemplate a39
Apollo apollo a22
Appcues appcues L36 &L39 &d5
AppSynergy appsynergy l64
Apptivo apptivo L36 &m32
Artsy artsy a32 &a20
AssemblyAI assemblyai l32
Atera atera l32
Audd audd L32
Autodesk autodesk a32 a16
Autoklose autoklose m32
AutoPilot autopilot h32
AviationStack aviationstack l32
Avaza avaza d1..30-h40
Axonaut axonaut l32
Aylien aylien l32 &l8
Ayrshare ayrshare u8-u8-u8-u8
Bannerbear bannerbear a24
Beebole beebole l40
Besnappy besnappy h64
BetterStack betterstack a24
Billomat billomat h32 &l4..20
Bitbar bitbar a32
BitcoinAverage bitcoinaverage a43
Bitfinex bitfinex w43 w43
BitMEX bitmex w24 w48
BitLyAccessToken bitly m40
Blazemeter blazemeter,runscope l8-l4-l4-l4-l12
BlitApp blitapp w39
BlockNative blocknative h8-h4-h4-h4-h12
BoostNote boostnote h64
BraintreePayments braintree h32 &l16
Brandfetch brandfetch a40
BrowserStack browserstackkey a20
Browshot browshot m28
BscScan bscscan u34
BuddyNS buddyns l40
Budibase budibase h32-h78..80
Bugherd bugherd l22
Bugsnag bugsnag l8-l4-l4-l4-l12
Bulbul bulbul l32
ButterCMS buttercms l40
Calendarific calendarific a32
CalorieNinja calorieninja a40
Campayn campayn l64
CaptainData captaindata h64 &h8-h4-h4-h4-h12
CarbonInterface carboninterface a21
Caspio caspio l50 &l50 &l8
Censys censys a32 &L36
CentralStationCRM centralstation l30
CexIO cexio a24..27 a24..27
Chartmogul chartmogul l32
Chatfule chatfuel a128
ChecklyHQ checklyhq l32
Cicero cicero l40
Clarifai clarifai a32
Clearbit clearbit k35
ClickHelp clickhelp a24
ClickSendsms clicksendsms u8-u4-u4-u4-u12
Cliengo cliengo h8-h4-h4-h4-h12
Clientary ronin,clientary a24..26 &m4..25
Clinchpad clinchpad l32
Clockify clockify a48
ClockworkSMS clockwork,textanywhere a24
CloudElements cloudelements a43 &l32
CloudImage cloudimage k30
Cloudinary cloudinary w27
Cloudmersive cloudmersive L36
Cloudplan cloudplan U32
Cloudsmith cloudsmith h40
Cloze cloze h32
ClustDoc clustdoc a60
Codacy codacy a20
Codeclimate codeclimate h40
Codemagic codemagic n43
Codequiry codequiry m64
CoinApi coinapi U36
Coinlayer coinlayer l32
Coinlib coinlib l16
Collect2 collect2 h8-h4-h4-h4-h12
CommerceJS commercejs k48
CompanyHub companyhub a20
Confluent confluent a16
Convertkit convertkit n22
CountryLayer countrylayer l32
Coveralls coveralls m37
CraftMyPDF craftmypdf a35
Crowdin crowdin a80
CryptoCompare cryptocompare L64
CurrencyCloud currencycloud l64
Currencyfreaks currencyfreaks l32
Currencylayer currencylayer l32
CurrencyScoop currencyscoop l32
CurrentsAPI currentsapi w48
Dandelion dandelion l32
Dareboost dareboost a60
Databox databox l21
DeepAI deepai L36
Deepgram deepgram l40
Delighted delighted a32
Demio demio a32
Detectify detectify l32
DetectLanguage detectlanguage l32
Diffbot diffbot l32
Diggernaut diggernaut l40
Disqus disqus a64
Dnscheck dnscheck a32 &m36
Docparser docparser h40
Docusign docusign h8-h4-h4-h4-h12 &h8-h4-h4-h4-h12
DronaHQ dronahq l50
DroneCI droneci a32
Duply duply h8-h4-h4-h4-h12 &u7-u7-u7-u7
Dwolla dwolla m50 &m50
Dynalist dynalist w128
Dyspatch dyspatch u52
EasyInsight easyinsight a20 &a20
Edamam edamam l32 &l8
EightxEight 8x8 a43 &n18..30
Enablex enablex a36 &l24
Etherscan etherscan u34
Ethplorer ethplorer m22
Eventbrite eventbrite u20
# Everhour: Kingfisher's rule reads the first group in either case (its example opens ABCD-1234-…).
Everhour everhour x4-h4-h6-h6-h8
ExchangeRateAPI exchangerate h24
ExchangeRatesAPI exchangerates l32
ExtractorAPI extractorapi m40
FacebookOAuth facebook a32 &d15..18
FacePlusPlus faceplusplus w32 w32
FastForex fastforex L28
FastlyPersonalToken fastly w32
Feedier feedier a32
FinancialModelingPrep financialmodelingprep a32
Findl findl l8-l4-l4-l4-l12
# Figma: trufflehog reads 6 digits before the UUID, Nosey Parker 4 hex (its example); both are taken.
Figma figma h4..6-l8-l4-l4-l4-l12
Finnhub finnhub l20
Flickr flickr l32
FlightApi flightapi l24
Flightstats flightstats l32 &l8
FlowFlu flowflu a51 &a4..30
Fmfw fmfw w32 &m32
Formcraft formcraft l16
Formsite formsite a32 &a6
FourSquare foursquare u48 u48
Freshbooks freshbooks l64
Freshdesk freshdesk a20
Fulcrum fulcrum l80
`;
