/**
 * Letter triples: whether a run of letters in one case reads as words or as drawn at random, more
 * sharply than the pair table (`letterPairs.ts`) can. Eight random letters hold two or more pairs outside
 * that table about four times in five; they hold three or more triples outside this one nine times in
 * ten, and eleven letters nearly always. Words glued together (`clipboard`, `dblclick`) hold one or two.
 *
 * The table holds the 4,322 letter triples that make 99.5% of all triples inside words of four letters or
 * more in Debian's `/usr/share/doc` and Python 3.11's standard library (26 million triples, English prose
 * and code), as the pair table was made. Row `a` lists, for each second letter `a` to `z` in turn, the
 * third letters that follow the two (`-` for none), one group per second letter.
 */
const ROWS: readonly string[] = [
  'abcdefnr abcdefilorsu abcdefhikloqrstuy abcdefhijlmoprstuvy abcdeflmprsy acdefitu aegilmnorsuy aeimno dfgjklmnrstv eo aehikmoprstuy abcdefghiklmnoprstuvwxy abcdefilmoprstuw acdefghiklnopstuvyz l acdehiloprst u abcdefgiklmnoprstuvwyz abcehiklmnoprstuy abcefhiklmnoprstuwy bdglmnrstx aeior adehins bcehilorsx abeilmnosv aeituy',
  'abcdefglnrstu abcdeflr abcdeflors abcdefi abcdefghilmnorstvxy abcdef c a abcdeglmnorst eop de adeikouy io o abdgijlnorstuvx anr - aeiotuy cdeiopty aelory cfgilmnrstv i - ms nopt i',
  'abcdefilmnprstuv abcdeflou abcdefgiotu abcdefhios abcdefhilmnoprstuwx abcdefiluw ce adefgiklmnoprstuwy adefilmnoprst i abcefghilmnopqrstuwy aehiosuy adeop arst bdefgilmnoprstuv aprstuy u aeilotuy ceiptuy acefilmnoprstuwxy lmnprst est r - cgr -',
  'abcdefilmnprstuvwy abcegimosuy abcdefhlot abcdefilorst abcdefghijlmnopqrstuvxz abcdeilou emr aeu acdefglmnorstuvz au e aeiloy aeio aeos bceilmnprstuwx akor u aeios aehiotuwy aehoruy acilmnprst aei ai - cn -',
  'abcdefgklmnprstuv abcdefilorsuy abcdefhiklmnoprstuvy abcdefghiklmnoprstuwy abcdefiklmnprstvxz abcdefilmnorstu aefgilmortuy aeilmor dgjklmnrstv aes adeis abcdefgilmnoprstuvy abcdefilmnopsuvxy abcdefghijklmnopqrstuvyz bdfgkmnpru acehiloprstu u abcdefghiklmnoprstuvwy abcdefghiklmnoprstuwy abcdefghiklmnopqrstuvwxy cdegimnprst aehinost acefhiloprst acdehiopst abcdefgikloprstuw eo',
  'abcdefhiklmnrstuv abdef abcdefhnot abcdefils abcdeflnrst abcdefilmorst - - bcefglnprstvx - e aeiouy a a lnoprsu at - aeio cdefhilmprstwy ehioprwy jlnprstz - rs - i -',
  'bcilmnrstuvz o ahmor be abcdehklmnoprstuwx aiu eilrs aelostw abcdeflmnorstvz i - aeiouy abe aeimosu abeilnoprstuv alor - aeiou aeist ehoy aeilmnorstz a i - p hi',
  'bcdeiklmnoprstuvwxy o ot aeir abcdefgilmnoprstuvwxy iu l h abcdefgjklmnoprstvy - deo eijy aeios aeios bdefgilmnoprstuvw a - aeiotu eipt aeilmostw bfgilmnrst - a - ps -',
  'bdeghlmnrstw abcdefgijlmnoprstuxy adehiklmorstuyz acdefghilnorstux bcdefhjklnrstuvw aefiotuy aceghimnoprstu ar - aik aehior abcdefghilmostuy adeimopsu abcdefghijklmnopqrstuvy bcdjlnrstu aefhilmoprstuv u acdeilmnoprsty abcdefhijklmnoprstuwy acdefghiklmnoprstuwyz ms aeim a eiltu a aeioz',
  'ackmnrsvz - - - acefnors - - - adhmnrt w - i - - abehinrsuy e - - do - adlmnrs - a - - -',
  'bcdghilmnprst o aos aefiot cdefilmnprstvxy ilr r aio adelmnprst i eo aeio ao ao bchklnrstuvw aior u aeio ceiloptuvy ehior kmnprst - ado - l a',
  'bcdgiklmnprstuvwxyz aeo ahloru abcefilnopqrsw abcdefghiklmnoprstuvwxy aioru aeoprs aeo abcdefgkmnopqstvxz s ei abcdeghimnoprstuvy aeo aehosu abcgnoprstuvwy aefhnort - ep acefilopstvy acdefghiklmnopqrstuvwxy acdegikmnprst aeim a mp agimnostwz m',
  'abcdgijklnprstuvxy adehiloruy ahlo aeiu acdefghilmnoprstuvwxyz ilu r - acdegklmnprstuxz - d acdeinoprsx aeiouy eios cdhlmnorstuvz adefhilmoprstuwy - eo cdegnoptv eipr celmnrst ae cr - aeflmosuw -',
  'bcdegiklmnprstuv aeiosuy abcdefhilmoprstuy abcdefhilmoprstuwy abcdefgiklmnoprstuvwxy aeiloru acdefhijklmnoprstuwz aeo acdefgklmnopqstuvxz aepsu aeilnops adeiouy aeop aeiorty abdefgilmnoprstuvw ailoru u eioy acefhiklmnoprstuwy abcdefhilnoprstuy aeilmnpstx aeio air - acimostw ai',
  'cdelrstw aeijlorstu abcehikloprstu adeinoprsuy flnrstvx efit aefgilnorsuy aeinrt cdnst aeps aeijosu abcdefiklmostuvy abefilmnoprstuw abcdefghijklmnoprstuvwyz bdgklmnprst abcefhilmoprstuy - abcdefgiklmnoprstuvwy acehiklnopstuxyz acdefhilmnorstwy bcdgklnprst aeios abcefhilnrs eiy ae ehi',
  'bcdgilmnopqrstuvwy k alors aeix acdefgilmnoqrstx iru er aeiorsy acdeflmnoprstvx - acegi aeiosuvy ae agp bcdefilnoprstuw aeilorstvy - aeiou aehinopty aehiorstuy blmnrst e ir - acdfinoprt -',
  '- - - - - - - - - - - i - a - - - t - - aeio - - - - -',
  'bcdfghijklmnprstuvwy aeiou aehilmnotu aehilmoqsw abcdefghijklmnopqrstuvwxyz aeiloru aceiorsuv aeot abcdefgklmnopstvxyz e adefhiostu acdefilmopsty acdefiopsu aceimos abcdefghijklmnoprstuvwxyz acehort - aeimnouy acdehiopqstuy acdefhiklmnoprstuy bcelmnpst aeit air - acdeilopstu e',
  'abcdefghiklmnprstuvxy eilouy aehiklortu aeio abcdefghiklmnopqrstuvwxy aeinortuy cei aceiklmorstu abcdefglmnoprstvxz o abceiopsty acdeioty aeiostu aeiou abcefglmnoprsu adehiklort lru ceio acdefhiklmnoprstuvwy abcdefghilmnoprstuwy abcefgilmnprst aceg adeior - mns y',
  'abcdfgiklmnprstuvxy aeosuy aehilmoprtu acefilos abcdefghiklmnopqrstuvwx ailnorsu eior acdefgiklmnoprstuy abcdefgklmnoprstuvz e eio aeiosy aelopstu aeosuy abcdefgijklmnoprstuvw aceilorstu nu acefilmopstuvxy acefhiopstuvwy aehiloprsy abdfinprst ae aegior pt lop ai',
  'dglnrst abcdeijlmnprstu acehikt eio delmnoprstuz efrsw aefghilsuz - cdeglnprstv ij aeh adefghiklnostuy abefilmnopsu abcdefghiklmnopqrstuwyz tu cdeghilopst - abcdefgiklnoprstv acehilmoprstuz acdefghilmnoprstu is aw e i - imz',
  'bdghilnrst - br - acdehilmnprstxy u d e acdegklnorstv - - ai os u chiklrsy - - o kt os l - a - - -',
  'bciklnprstvy u how as abdeilnrsv i - aeio cdgklnrstz - - eioy - acefilps lnoru ao - aio aegikopt - l - - - - -',
  'cdmn u ehlo i cdlmrsy er - et celmnst - - ei l - fnr aeilor - e eilt cdefiklmnoprstu p - - x g -',
  'bdghlmnrst eou aehlo aeo ademnors iu eow ai emnt - e eio abilmos aceot bfnprsu aehiort - ei cehiltvz ehiry rs a aeor - y e',
  'bgknrst - - - cdmnorst - - aeo elnops - - aei a - n - - - - a - - - - s e',
];

/** One bit per triple, `(first * 26 + second) * 26 + third`, made at first use. */
let known: Uint8Array | undefined;

function table(): Uint8Array {
  if (known === undefined) {
    known = new Uint8Array(26 * 26 * 26);
    ROWS.forEach((row, first) => {
      row.split(' ').forEach((thirds, second) => {
        for (const c of thirds) {
          if (c !== '-') {
            known![(first * 26 + second) * 26 + c.charCodeAt(0) - 97] = 1;
          }
        }
      });
    });
  }
  return known;
}

/** How many of the letter triples of `letters` (a-z, any case; other characters break a run) are outside the table. */
export function rareTriples(letters: string): number {
  const t = table();
  let rare = 0;
  let a = -1;
  let b = -1;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i) | 0x20;
    const c = code >= 97 && code <= 122 ? code - 97 : -1;
    if (a >= 0 && b >= 0 && c >= 0 && t[(a * 26 + b) * 26 + c] === 0) {
      rare++;
    }
    a = c < 0 ? -1 : b;
    b = c;
  }
  return rare;
}

/**
 * Eight or more letters in one case with three triples or more outside the table, one triple in three:
 * letters no language spells (`ygagsbugicc`, `jkapdlua`), where a word, a label or two glued words
 * (`required`, `administrator`, `sawtooth` aside) hold fewer.
 */
export function drawnTriples(value: string): boolean {
  if (!/^(?:[a-z]{8,}|[A-Z]{8,})$/.test(value)) {
    return false;
  }
  const rare = rareTriples(value);
  return rare >= 3 && rare * 3 >= value.length - 2;
}
