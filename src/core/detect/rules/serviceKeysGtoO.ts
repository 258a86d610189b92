// Services G to O whose keys have no prefix: `Provider word[,word] shape…` (see `serviceKeyTable.ts`).
// Words and shapes are facts read from trufflehog's keyword detectors (`pkg/detectors/*`, the value
// after `PrefixRegex(words)`). A shape is a class letter and a length (`l32`, `a20..40`): l = [0-9a-z],
// a = [0-9a-zA-Z], h = hex, u = [0-9A-Z], d = digits, L/U/m = those with `-`, n/k = with `_`,
// w = [0-9a-zA-Z_-]; `-` joins segments. A line's parts are all needed, as the detector needs them;
// a part marked `&` (an id) must be there but is not itself reported.

/** Table lines for services G to O. */
export const SERVICE_KEYS_G_TO_O = `
Geckoboard geckoboard a44
Geoapify geoapify l32
Geocodify geocodify l40
Geocodio geocod l39 &a7..30
GeoIpifi ipifi n32
GetEmail getemail m20
GetEmails getemails L26 &L18
GetGeoAPI getgeoapi l40
Getresponse getresponse l32
GetSandbox getsandbox L40 &L15..30
Gitter gitter L40
Glassnode glassnode a27
GoodDay goodday l32
Graphhopper graphhopper L36
GTMetrix gtmetrix h32
Gumroad gumroad m43
Gyazo gyazo m43
Happyscribe happyscribe a24
Hasura hasura a64
Helpscout helpscout l40
HereAPI hereapi a43
Hiveage hiveage w20
HolidayAPI holidayapi L36
Html2Pdf html2pdf a64
Hybiscus hybiscus a43
Hypertrack hypertrack w54 &w27
IconFinder iconfinder a64
Iexcloud iexcloud k35
Infura infura l32
Insightly insightly L36
Instamojo instamojo a40 a128
Interseller interseller h8-h4-h4-h4-h12
Intrinio intrinio a44
InvoiceOcean invoiceocean a20
Ip2location ip2location u32
Ipapi ipapi l32
IPGeolocation ipgeolocation l32
IPinfoDB ipinfodb l64
IPQuality ipquality a32
IpStack ipstack x32
KeenIO keenio u64
JiraToken atlassian,confluence,jira m24
Jotform jotform l32
Jumpcloud jumpcloud a40
JupiterOne jupiterone a76
Juro juro a40
Klipfolio klipfolio h40
KnapsackPro knapsackpro l32
KuCoin kucoin h24 h8-h4-h4-h4-h12
Kylas kylas L36
LanguageLayer languagelayer l32
LarkSuiteApiKey larksuite a32
Leadfeeder leadfeeder m43
Lemlist lemlist h32
Lexigram lexigram a301
LineNotify linenotify a43
LinkPreview linkpreview a32
LiveAgent liveagent a32
Loadmill loadmill a40
Loggly loggly l8-l4-l4-l4-l12
Loginradius loginradius h8-h4-h4-h4-h12
LogzIO logz l8-l4-l4-l4-l12
LokaliseToken lokalise l40
Loyverse loyverse L32
LunchMoney lunchmoney h50
Luno luno w43 &l13
M3o m3o a48
MadKudu madkudu h32
MagicBell magicbell m40
Mailboxlayer mailboxlayer l32
Mailgun mailgun a72
Mailerlite mailerlite l32
MailJetSMS mailjet a32
Mailmodo mailmodo u7-u7-u7-u7
Mandrill mandrill w22
Mapquest mapquest a32
MaxMindLicense maxmind,geoip a16 &d2..7
Marketstack marketstack l32
MattermostPersonalToken mattermost l26
Mavenlink mavenlink l64
MeaningCloud meaningcloud l32
MediaStack mediastack l32
Meistertask meistertask a43
Meraki meraki h40
Mesibo mesibo a64
MessageBird messagebird w25
MetaAPI metaapi h64 &h24
Metabase metabase m36
Metrilo metrilo l16
Mindmeister mindmeister a43
Miro miro a27
Mixmax mixmax w36
Mixpanel mixpanel m32
MonkeyLearn monkeylearn h40
Moonclerk moonclerk l32
Moosend moosend h8-h4-h4-h4-h12
Moralis moralis a64
Myfreshworks freshworks w22 &w2..20
NasdaqDataLink nasdaq w20
Netlify netlify w43..45
Netsuite netsuite a64 a64 a64 a64 &w6..15
NeutrinoApi neutrinoapi a48 &a6..24
Newsapi newsapi l32
Newscatcher newscatcher n43
NexmoApiKey nexmo w16
Nftport nftport l8-l4-l4-l4-l12
Nicereply nicereply h40
Noticeable noticeable a20
Numverify numverify l32
Nutritionix nutritionix l32 &l8
Nylas nylas a30
Oanda oanda a24
Omnisend omnisend m75
Onesignal onesignal h8-h4-h4-h4-h12
Onfleet onfleet l32
OOPSpam oopspam a40
OpenCageData opencagedata l32
Openuv openuv l32
OpenWeather openweather l32
Opsgenie opsgenie h8-h4-h4-h4-h12
Overloop overloop w50
Owlbot owlbot l40
`;
