// More lines of the service key table (see `serviceKeysAtoF.ts` for the format): services that MongoDB
// Kingfisher's rules name (`data/rules/*.yml`: a provider's word, a credential word, a value's class and
// length) and that trufflehog's keyword detectors, which the other tables were read from, do not. Words that
// are everyday ones, or words of code (`box`, `daily`, `polygon`, `semaphore`), are `@` words: they name a
// value only inside a credential name right before it (`BOX_CLIENT_SECRET=…`, `"polygon_key": "…"`). A service
// trufflehog does read has a line here too where Kingfisher's class or length differs (CoinApi's UUID in either
// case, ConvertApi's key without its id, Foursquare's and Anypoint's key alone, LaunchDarkly's UUID after its
// word, Twilio's 32 hex after its word in either case). Asana's hex starts at 33: 32 hex are the tail of its `n/id/id:` token, which Asana's own rules read.

/** Table lines read from Kingfisher's rules. */
export const SERVICE_KEYS_KINGFISHER = `
Adobe adobe h32
Anypoint anypoint l8-l4-l4-l4-l12
Asana asana x33..40
Box @box a32
CentralStationCRM centralstationcrm a30
CoinApi coinapi m36
ConvertApi convertapi a16
CurrencyScoop currencyscoop a32
DailyCo @daily h64
Debounce @debounce a13
EagleEyeNetworks eagleeyenetworks a15
EcoStruxureIT ecostruxureit a53..58
ElasticEmail @elastic w96
FixerIO @fixer a32
Float @float a58..60
Foursquare foursquare u48
Geocode @geocode a28
HolidayAPI holidayapi m36
Holistic @holistic h64
IBMCloud @ibm w42..44
Impala @impala n46
Instabot instabot a42..44
IPinfo ipinfo h14
KarmaCRM @karma a20
Kickbox kickbox l4_a64..70
Kontent kontent m36
LaunchDarkly launchdarkly l8-l4-l4-l4-l12
Mailsac mailsac l1_a36..48
Mockaroo mockaroo l8
NewRelicKey newrelic a4-a42
Nimble @nimble a30
NuGet nuget l46
Polygon @polygon a32
ProspectCRM @prospect L32
ProtocolsIO @protocols l64
Pushbullet pushbullet p34
RavenTools @raven U16
Rockset rockset a64
Salesblink salesblink l3-x64
Salescookie salescookie a32
Scrapfly scrapfly l3-l4-l32
Scrapfly scrapfly l32
SelectPDF selectpdf m36
Semaphore @semaphore l32
Shipday shipday p31
Shortcut @shortcut h8-h4-h4-h4-h12
Stormglass stormglass m73
Streak @streak x32
Swiftype swiftype a6_a6-a6
Twilio twilio x32
Vbout vbout d25
`;

/**
 * Kingfisher's keyword rules of one template (`data/rules/*.yml`: the service's word, then within 32
 * characters `SECRET`, `PRIVATE`, `ACCESS`, `KEY` or `TOKEN`, then within 32 more a value of one class and a
 * count, with no boundary after it) read a longer run as a key too, and their own examples hold such runs
 * (`toggl SECRET <35 characters>`). Each such rule whose class is one of the table's has a line here, its
 * shape marked `+` (see `Part.runsOn`); most repeat a line above or trufflehog's, whose exact reading stays.
 * Checio's `pk_` and 45 is read as 48 of `[0-9a-z_]`. Rules that end their value with a boundary, or whose
 * class the table has no letter for, have none.
 */
export const SERVICE_KEYS_KINGFISHER_RUN_ON = `
AssemblyAI assemblyai l32+
Atera atera l32+
AutoPilot autopilot h32+
Beebole beebole l40+
BlitApp blitapp w39+
Blogger @blogger m39+
CapsuleCRM capsulecrm m64+
Chatfule chatfuel a128+
Checio checio k48+
Cloudmersive cloudmersive L36+
ClustDoc clustdoc a60+
Codemagic codemagic n43+
ConvertApi convertapi a16+
Crowdin crowdin a80+
Currencyfreaks currencyfreaks l32+
DailyCo @daily h64+
Databox databox a21+
DeepAI deepai L36+
Dynalist dynalist w128+
Eraser @eraser a20+
Ethplorer ethplorer m22+
Eventbrite eventbrite u20+
FileIO fileio u39+
GeoIpifi ipifi n32+
Glassnode glassnode a27+
Graphhopper graphhopper L36+
GTMetrix gtmetrix h32+
Gumroad gumroad m43+
Gyazo gyazo m43+
Happyscribe happyscribe a24+
HelloSign hellosign a63..64+
Hiveage hiveage w20+
HolidayAPI holidayapi L36+
Holistic @holistic h64+
Hybiscus hybiscus a43+
Imagga imagga a70..72+
Impala @impala n46+
Infura infura l32+
JupiterOne jupiterone a76+
Leadfeeder leadfeeder m43+
LessAnnoyingCRM @less m57+
Lexigram lexigram a301+
LineNotify linenotify a43+
Lob @lob n40+
Loyverse loyverse l32+
MadKudu madkudu h32+
Miro miro a27+
Mixmax mixmax w36+
Moonclerk moonclerk l32+
Overloop overloop w50+
PandaScore pandascore w51+
Partnerstack partnerstack a64+
Paymongo paymongo n32+
Pixabay pixabay L34+
Planyo planyo l62+
PositionStack positionstack n32+
Powrbot powrbot a40+
Qubole qubole l64+
RavenTools @raven U16+
Rawg rawg a32+
Reachmail reachmail w64+
Rebrandly rebrandly n32+
RestpackHtmlToPdfAPI restpack a48+
RocketReach rocketreach L39+
ScreenshotLayer screenshotlayer n32+
SelectPDF selectpdf L36+
Serphouse serphouse a60+
Signaturit signaturit a86+
Sportsmonk sportsmonk a60+
Storecove storecove w43+
Stormglass stormglass m73+
Supernotes supernotes w43+
SurveySparrow surveysparrow w88+
Teletype teletype m64+
Tiingo tiingo l40+
Todoist todoist l40+
TogglTrack toggl a32+
WalkScore walkscore l32+
WorldCoinIndex worldcoinindex a35+
WorldWeather worldweather l31+
`;
