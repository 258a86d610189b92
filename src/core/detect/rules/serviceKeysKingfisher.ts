// More lines of the service key table (see `serviceKeysAtoF.ts` for the format): services that MongoDB
// Kingfisher's rules name (`data/rules/*.yml`: a provider's word, a credential word, a value's class and
// length) and that trufflehog's keyword detectors, which the other tables were read from, do not. Words that
// are everyday ones, or words of code (`box`, `daily`, `polygon`, `semaphore`), are `@` words: they name a
// value only inside a credential name right before it (`BOX_CLIENT_SECRET=…`, `"polygon_key": "…"`). A service
// trufflehog does read has a line here too where Kingfisher's class or length differs (CoinApi's UUID in either
// case, ConvertApi's key without its id, Foursquare's key alone).

/** Table lines read from Kingfisher's rules. */
export const SERVICE_KEYS_KINGFISHER = `
Box @box a32
CentralStationCRM centralstationcrm a30
CoinApi coinapi m36
ConvertApi convertapi a16
CurrencyScoop currencyscoop a32
DailyCo @daily h64
EagleEyeNetworks eagleeyenetworks a15
ElasticEmail @elastic w96
FixerIO @fixer a32
Foursquare foursquare u48
Geocode @geocode a28
HolidayAPI holidayapi m36
Holistic @holistic h64
IBMCloud @ibm w42..44
Impala @impala n46
KarmaCRM @karma a20
Kontent kontent m36
Mailsac mailsac l1_a36..48
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
Stormglass stormglass m73
Streak @streak x32
Swiftype swiftype a6_a6-a6
Vbout vbout d25
`;
