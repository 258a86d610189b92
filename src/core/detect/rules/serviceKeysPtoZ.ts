// Services P to Z whose keys have no prefix: `Provider word[,word] shape…` (see `serviceKeyTable.ts`).
// Words and shapes are facts read from trufflehog's keyword detectors (`pkg/detectors/*`, the value
// after `PrefixRegex(words)`). A shape is a class letter and a length (`l32`, `a20..40`): l = [0-9a-z],
// a = [0-9a-zA-Z], h = hex, u = [0-9A-Z], d = digits, L/U/m = those with `-`, n/k = with `_`,
// w = [0-9a-zA-Z_-]; `-` joins segments. A line's parts are all needed, as the detector needs them;
// a part marked `&` (an id) must be there but is not itself reported.

/** Table lines for services P to Z. */
export const SERVICE_KEYS_P_TO_Z = `
PackageCloud packagecloud h48
Pandadoc pandadoc a40
ParallelDots paralleldots a43
ParseHub parsehub a12
Parseur parseur h40
Partnerstack partnerstack a64
Pastebin pastebin n32
Paydirtapp paydirtapp l32
Paymoapp paymoapp a44
Paymongo paymongo n32
PdfLayer pdflayer l32
PdfShift pdfshift h32
PeopleDataLabs peopledatalabs l64
Pepipost pepipost,netcore m32
Pinata pinata l64 &l20
Pipedream pipedream l32
Pipedrive pipedrive a40
Pixabay pixabay L34
PlaidKey plaid h30 &h24
PlanviewLeanKit planviewleankit,planview h128
Planyo planyo l62
Plivo plivo w40
Podio podio l32
PollsAPI pollsapi u28
Poloniex poloniex u8-u8-u8-u8 h128
PositionStack positionstack n32
PostageApp postageapp a32
Postmark postmark l8-l4-l4-l4-l12
Powrbot powrbot a40
Prodpad prodpad h64
ProxyCrawl proxycrawl n22
PureStake purestake a40
PusherChannelKey pusher l20 l20 &d7
Qase qase a40
Qubole qubole l64
RapidApi rapidapi w50
Rawg rawg l32
Reachmail reachmail w64
Rebrandly rebrandly n32
RedHatPyxis pyxis l32
Repairshopr repairshopr m51
ReplyIO replyio a24
RequestFinance requestfinance u7-u7-u7-u7
RestpackHtmlToPdfAPI restpack a48
RestpackScreenshotAPI restpack a48
RingCentral ringcentral w22
RiteKit ritekit h44
RocketReach rocketreach L39
Route4me route4me u32
Rownd rownd l8-l4-l4-l4-l12 l48 &d18
RunRunIt runrunit h32 a18..20
Salesflare salesflare n45
Salesmate salesmate h8-h4-h4-h4-h12 &a3..22
SatismeterProjectkey satismeter a32 &a24
SatismeterWritekey satismeter a32 a32 &a24
SauceLabs saucelabs l8-l4-l4-l4-l12
ScalewayKey scaleway l8-l4-l4-l4-l12
Scrapeowl scrapeowl l30
ScraperAPI scraperapi l32
ScraperBox scraperbox u32
ScrapeStack scrapestack l32
ScrapingAnt scrapingant l32
ScrapingBee scrapingbee u80
ScreenshotAPI screenshotapi u7-u7-u7-u7
ScreenshotLayer screenshotlayer n32
ScrutinizerCi scrutinizer l64
SecurityTrails securitytrails a32
SelectPDF selectpdf L36
Sendbird sendbird h40 &H8-H4-H4-H4-H12
SendbirdOrganizationAPI sendbird h24
SentryToken sentry h64
Serphouse serphouse a60
SerpStack serpstack l32
Sheety sheety l64 &l32
Sherpadesk sherpadesk l32
ShodanKey shodan a32
Shotstack shotstack a40
Shutterstock shutterstock a32 a16
Signalwire signalwire a50 &l8-l4-l4-l4-l12
Signaturit signaturit a86
Signupgenius signupgenius a32
Sigopt sigopt u48
SimFin simfin a32
Simplesat simplesat l40
SimplyNoted simplynoted a340..360
Simvoly simvoly l33
SinchMessage sinch l32 &l32
Sirv sirv a88 &a26
Siteleaf siteleaf l32 &l32
Skrappio skrapp a42
SkyBiometry skybiometry l25..26 l25..26
SmartyStreets smartystreets a20 &L36
Smooch smooch w86
Snipcart snipcart n75
SnykKey snyk l8-l4-l4-l4-l12
SolarWindsObservability solarwinds w71
Sparkpost sparkpost a40
SpeechTextAI speechtext h32
SplunkOberservabilityToken splunk a22
Spoonacular spoonacular l32
Sportsmonk sportsmonk a60
Squarespace squarespace h8-h4-h4-h4-h12
SslMate sslmate a36
Statuscake statuscake a20
Statuspage statuspage L36
Statuspal statuspal a32
Stitchdata stitchdata k35
Stockdata stockdata a40
Storecove storecove w43
Stormboard stormboard h40
Stormglass stormglass L73
Strava strava l40 l40 &d5
Sugester sugester a32
SurveyBot surveybot m80
SurveySparrow surveysparrow w88
Survicate survicate l32
TatumIO tatum L36
Taxjar taxjar l32
Teamgate teamgate l40 a80
TechnicalAnalysisApi technicalanalysisapi u48
Tefter tefter a20
Teletype teletype m64
TestingBot testingbot l32 &l32
Textmagic textmagic a30 &a1..25
TheOddsApi theoddsapi h32
Thinkific thinkific h32 &a4..40
ThousandEyes thousandeyes a32
TicketMaster ticketmaster a32
Tiingo tiingo l40
TimeCamp timecamp l26
TimezoneAPI timezoneapi a20
TLy tly a60
Tmetric tmetric u64
Todoist todoist l40
TogglTrack toggl l32
Tokeet tokeet h8-h4-h4-h4-h12
Tomtom tomtom a32
Tradier tradier a28
TravelPayouts travelpayouts l32
TravisCI travis n22
TrelloApiKey trello m64 m32
TwelveData twelvedata l32
Twitch twitch l30 &l30
TwitchAccessToken twitch l30
TwitterConsumerkey twitter a25 a50
Tyntec tyntec a32
Typetalk typetalk a64 &a32
UClassify uclassify a12
Unplugg unplu l64
Unsplash unsplash n43
UPCDatabase upcdatabase u32
Uplead uplead L32
UploadCare uploadcare l20 &l20
UptimeRobot uptimerobot a9-a24
Upwave upwave l32
Urlscan urlscan L36
Userflow userflow k29
UserStack userstack l32
VatLayer vatlayer l32
Vercel vercel a24
Verimail verimail u32
Veriphone veriphone u32
VersionEye versioneye m40
VirusTotal virustotal h64
VisualCrossing visualcrossing u25
VoodooSMS voodoosms a46
Vouchery vouchery L36 &m2..20
Vpnapi vpnapi a32
VultrApiKey vultr u36
Vyte vyte l50
WalkScore walkscore l32
WeatherBit weatherbit l32
WeatherStack weatherstack l32
Webex webex h64
Webflow webflow l64
WebScraper webscraper a60
Webscraping webscraping a32
Websitepulse websitepulse h32
WeightsAndBiases wandb h40
Whoxy whoxy l33
Wistia wistia l64
Worksnaps worksnaps a40
Workstack workstack a60
WorldCoinIndex worldcoinindex a35
WorldWeather worldweather l31
YouNeedABudget youneedabudget h64
YouSign yousign l32
ZendeskApi zendesk w40
ZenkitAPI zenkit l8-a32
ZenRows zenrows h40
Zenscrape zenscrape h8-h4-h4-h4-h12
Zenserp zenserp L36
Zerobounce zerobounce l32
ZeroTier zerotier a32
ZipAPI zipapi a32
ZipCodeAPI zipcodeapi a64
Zipcodebase zipcodebase h8-h4-h4-h4-h12
ZonkaFeedback zonka a36
ZulipChat zulip a32
`;
