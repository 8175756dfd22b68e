/**
 * A small XML 1.0 well-formedness checker for the exported SVG: tags nest and close, attribute
 * values are quoted and hold no "<", every "&" starts a known entity or a character reference,
 * and no character XML forbids appears. Returns the problems (empty when well-formed) and the
 * text content of each element, for tests that look for a card's title.
 */
export interface XmlCheck {
  errors: string[];
  /** decoded text of every text node, with the name of the element it is in */
  texts: { element: string; text: string }[];
  elements: string[];
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decode(text: string, errors: string[]): string {
  return text.replace(/&([^;]{0,12});?/g, (match, body: string) => {
    if (!match.endsWith(';')) {
      errors.push(`bare "&" in ${JSON.stringify(text.slice(0, 40))}`);
      return match;
    }
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[body] !== undefined) return named[body]!;
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (num) return String.fromCodePoint(num[1]!.startsWith('x') ? parseInt(num[1]!.slice(1), 16) : parseInt(num[1]!, 10));
    errors.push(`unknown entity ${match}`);
    return match;
  });
}

export function checkXml(xml: string): XmlCheck {
  const errors: string[] = [];
  const texts: XmlCheck['texts'] = [];
  const elements: string[] = [];
  const stack: string[] = [];
  if (INVALID_CHAR.test(xml)) errors.push('contains a character XML 1.0 forbids');
  let i = 0;
  let rootSeen = false;
  while (i < xml.length && errors.length < 20) {
    const lt = xml.indexOf('<', i);
    const chunk = xml.slice(i, lt < 0 ? xml.length : lt);
    if (chunk.includes('>') && stack.length === 0 && chunk.trim()) errors.push('text outside the root element');
    if (chunk) {
      const text = decode(chunk, errors);
      if (stack.length > 0) texts.push({ element: stack[stack.length - 1]!, text });
      else if (text.trim()) errors.push(`text outside the root: ${JSON.stringify(text.slice(0, 40))}`);
    }
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) { errors.push('unclosed processing instruction'); break; }
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) { errors.push('unclosed comment'); break; }
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt) || xml.startsWith('<!', lt)) { errors.push('unexpected <! construct'); break; }
    const closing = xml[lt + 1] === '/';
    let j = lt + (closing ? 2 : 1);
    const name = NAME.exec(xml.slice(j, j + 200))?.[0];
    if (!name) { errors.push(`bad tag at ${lt}`); break; }
    j += name.length;
    if (closing) {
      const end = xml.indexOf('>', j);
      if (end < 0 || xml.slice(j, end).trim()) { errors.push(`bad closing tag </${name}`); break; }
      const open = stack.pop();
      if (open !== name) errors.push(`</${name}> closes <${open}>`);
      i = end + 1;
      continue;
    }
    // attributes
    const seen = new Set<string>();
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(j, j + 1000))![0];
      j += ws.length;
      if (xml[j] === '>' || xml.startsWith('/>', j)) break;
      if (!ws) { errors.push(`<${name}>: attributes must be separated by space`); break; }
      const attr = NAME.exec(xml.slice(j, j + 200))?.[0];
      if (!attr) { errors.push(`<${name}>: bad attribute at ${j}`); break; }
      if (seen.has(attr)) errors.push(`<${name}>: duplicate attribute ${attr}`);
      seen.add(attr);
      j += attr.length;
      const eq = /^\s*=\s*/.exec(xml.slice(j, j + 100))?.[0];
      if (!eq) { errors.push(`<${name}>: attribute ${attr} has no value`); break; }
      j += eq.length;
      const q = xml[j];
      if (q !== '"' && q !== "'") { errors.push(`<${name}>: attribute ${attr} is not quoted`); break; }
      const end = xml.indexOf(q, j + 1);
      if (end < 0) { errors.push(`<${name}>: unclosed attribute ${attr}`); break; }
      const value = xml.slice(j + 1, end);
      if (value.includes('<')) errors.push(`<${name}>: "<" in attribute ${attr}`);
      decode(value, errors);
      j = end + 1;
    }
    if (errors.length) break;
    elements.push(name);
    if (stack.length === 0) {
      if (rootSeen) errors.push('more than one root element');
      rootSeen = true;
    }
    if (xml.startsWith('/>', j)) i = j + 2;
    else {
      stack.push(name);
      i = j + 1;
    }
  }
  if (stack.length) errors.push(`unclosed <${stack.join('> <')}>`);
  if (!rootSeen) errors.push('no root element');
  return { errors, texts, elements };
}
