// More lines of the service key table (see `serviceKeysAtoF.ts` for the format), read from trufflehog's
// keyword detectors (`pkg/detectors/*`) that the first tables left out.

/**
 * Services whose word is an everyday one (`coda`, `swell`, `privacy`, `close`): `@word` names a value only
 * inside a credential name right before it (`CODA_TOKEN=…`, `"guardian_secret": "…"`, `swell token = '…'`),
 * or as the word itself with at most three marks between (`mite '…'`, `kanban: …`), never from a line above
 * or a sentence, where the word would pair with unrelated values.
 */
export const SERVICE_KEYS_NAMED = `
Alchemy @alchemy n32
CannyIo @canny l8-l4-l4-l4-l12
Chatbot @chatbot n32
CloseCRM @close l3_a45
Coda @coda l8-l4-l4-l4-l12
Column @column l4_a27
Commodities @commodities a60
DuoSecretKey @duo a40
Enigma @enigma a40
EnvoyApiKey @envoy a220
GuardianApi @guardian l8-l4-l4-l4-l12
Hive @hive l32 &a17
KanbanTool @kanban,kanbantool u12
KeenIO @keen u64
Magnetic @magnetic l8-l4-l4-l4-l12
Mite @mite l16
OpenWeather @owm,pyowm l32
Moderation @moderation a36.a115.n43
Percy @percy x64
Privacy @privacy l8-l4-l4-l4-l12
RechargePayments @recharge l2_l4_l3..4_x64
RechargePayments @recharge l2_l3..4_x64
RechargePayments @recharge x56
RechargePayments @recharge x32
Rev @rev m27
RevampCRM @revamp a40
SpotifyKey @spotify a32
SurveyAnyplace @survey a32
Swell @swell a32
Verifier @verifier l96
YouTubeApiKey @youtube w39
`;

/**
 * Services whose value joins its parts with `_` or `.` (`pk_<45>`, `<8>.<35>`), or holds dots anywhere
 * (`p`): a dotted value is read as one run of letters, digits, `_`, `-` and `.` (see `DottedRuns`).
 */
export const SERVICE_KEYS_JOINED = `
AirtablePersonalAccessToken airtable a17.h64
Alchemy alchemy l5_a30
Checio checio l2_l45
ConvertApi convertapi l6_a16
Courier courier l2_a1..60_a28
Ditto ditto l8-l4-l4-l4-l12.l40
Fibery fibery h8.h35
GoDaddy godaddy a14_a20..22
BestTime besttime l3_h32
Intra42 intra l1-l6-h64
Nozbe nozbe a16_w64
OneLogin onelogin l64
PandaScore pandascore w51
Photoroom photoroom l2_l2_a1..64_x40
Smartsheets smartsheet a26
Smartsheets smartsheet a37
SpectralOps spectral l3-h32
Stytch stytch w47
Supernotes supernotes w43
Teamwork teamwork p78
TerraformCloud terraform a14.l7.a67
TicketTailor tickettailor l2_d4_d6_h32
WebexBot webex a64_a4_a8-a4-a4-a4-a12
Yandex yandex p83
ZohoCRM zoho d4.h32.h32
`;
