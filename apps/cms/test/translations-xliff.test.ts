import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { protect, restore } from '../src/translations/inline-codes';
import { readXliff, writeXliff, XliffError, type XliffFile } from '../src/translations/xliff';

const body = [
  '# Pain relief',
  '',
  'Talk to your <abbr title="palliative care">PC</abbr> team.<br>',
  '',
  '* one & two < three',
  '  ```',
  '  code',
  '  ```',
  '<!-- editor note -->\r\nEnd.',
].join('\n');

const file: XliffFile = {
  srcLang: 'en',
  trgLang: 'fr',
  documents: [
    {
      uid: 'api::article.article',
      documentId: 'abc123',
      label: 'Pain & relief',
      units: [
        { field: 'title', source: 'Pain relief', target: null, state: 'initial' },
        { field: 'body', source: body, target: body.replace('Talk to your', 'Parlez à votre'), state: 'translated', previousSource: 'old <b>text</b>' },
        { field: 'questions.0.prompt', source: '  spaced  ', target: '  espacé  ', state: 'final' },
      ],
    },
  ],
};

describe('inline HTML codes', () => {
  it('pairs well-nested tags, keeps the rest as placeholders, and restores the exact text', () => {
    const text = 'a <b>bold <i>x</b> <br/> </span> <em>open';
    const { content, data } = protect(text);
    expect(restore(content, data)).toBe(text);
    expect(content.some((p) => typeof p !== 'string' && p.kind === 'pc')).toBe(true);
    expect(Object.values(data)).toContain('</span>');
  });
});

describe('XLIFF 2.0', () => {
  it('writes XLIFF 2.0 that reads back to the same texts, states and fields', () => {
    const xml = writeXliff(file);
    expect(xml).toContain('xmlns="urn:oasis:names:tc:xliff:document:2.0"');
    expect(xml).toContain('srcLang="en"');
    expect(xml).toContain('trgLang="fr"');
    expect(xml).toContain('id="api::article.article--abc123--questions.0.prompt"');
    expect(xml).toContain('<segment state="initial">');
    // HTML inside Markdown is protected as codes with its original data.
    expect(xml).toMatch(/<pc id="\d+" dataRefStart="d\d+" dataRefEnd="d\d+">PC<\/pc>/);
    expect(xml).toMatch(/<ph id="\d+" dataRef="d\d+"\/>/);
    expect(xml).toContain('<data id="d1">&lt;abbr title=&quot;palliative care&quot;&gt;</data>');
    expect(xml).toContain('<cp hex="000D"/>');
    expect(xml).not.toContain('<abbr');

    const back = readXliff(xml);
    expect(back.srcLang).toBe('en');
    expect(back.trgLang).toBe('fr');
    expect(back.documents).toHaveLength(1);
    expect(back.documents[0]).toMatchObject({ uid: 'api::article.article', documentId: 'abc123', label: 'Pain & relief' });
    expect(back.documents[0]!.units.map(({ field, source, target, state }) => ({ field, source, target, state }))).toEqual(
      file.documents[0]!.units.map(({ field, source, target, state }) => ({ field, source, target, state })),
    );
  });

  it('is parsed by a generic XML parser as well-formed XML with one unit per field', () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(writeXliff(file));
    expect(parsed.xliff['@_version']).toBe('2.0');
    expect(parsed.xliff.file.unit).toHaveLength(3);
  });

  it('refuses a target whose inline codes were dropped or invented', () => {
    const xml = writeXliff(file);
    const dropped = xml.replace(/(<target>[^]*?)<ph id="(\d+)" dataRef="d\d+"\/>/, '$1');
    expect(() => readXliff(dropped)).toThrow(/inline codes .* must be those of the source/);
    const invented = xml.replace('<target>  espacé', '<target><ph id="9" dataRef="d9"/>  espacé');
    expect(() => readXliff(invented)).toThrow(XliffError);
  });

  it('refuses DOCTYPEs, malformed XML, and other documents than XLIFF 2.0', () => {
    expect(() => readXliff('<!DOCTYPE x [<!ENTITY a "b">]><xliff/>')).toThrow(/DOCTYPE/);
    expect(() => readXliff('<xliff><file></xliff>')).toThrow(/Not well-formed XML \(line 1/);
    expect(() => readXliff('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>')).toThrow(/Not XLIFF 2.0/);
  });
});
