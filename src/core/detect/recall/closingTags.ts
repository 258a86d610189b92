/**
 * Whether `</name>` at `close` ends an element that opened on its line before the value at `at`
 * (`<jdbc-url>…?password=…</jdbc-url>`, IntelliJ's dataSources.xml): the value is the element's text, and
 * the closing tag is markup, not part of it. Hidden with the value, it broke the XML a model was shown. A
 * `</` that closes no element opened there (`password=ab</cd`) stays part of the value.
 */
export function closesElement(text: string, at: number, close: number): boolean {
  if (text.charCodeAt(close) !== 60 || text.charCodeAt(close + 1) !== 47) {
    return false;
  }
  const tag = /^<\/([A-Za-z][\w.:-]{0,63})>/.exec(text.slice(close, close + 68));
  if (tag === null) {
    return false;
  }
  const line = text.lastIndexOf('\n', at) + 1;
  const open = text.lastIndexOf(`<${tag[1]}`, at);
  return open >= line && /[\s>]/.test(text[open + tag[1]!.length + 1] ?? '');
}
