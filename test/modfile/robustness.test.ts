// Any input gives a result or a positioned error, without deep recursion or quadratic work.
import { describe, expect, it } from 'vitest';
import { format, formatErrors, parseGoMod, parseGoWork, toJson } from '../../src/modfile/index.ts';

describe('robustness', () => {
  it('100k nested parentheses on one line', () => {
    const { errors } = parseGoMod(`module m\nrequire ${'('.repeat(100_000)}\n`);
    expect(errors[0]?.line).toBeGreaterThan(0);
  });

  it('100k block openings on separate lines', () => {
    const { errors } = parseGoMod(`module m\n${'require (\n'.repeat(100_000)}`);
    expect(formatErrors(errors, 'go.mod')).toContain('unterminated block');
  });

  it('100k closing parens', () => {
    const { errors } = parseGoMod(`module m\n${')\n'.repeat(100_000)}`);
    expect(errors).toHaveLength(100_000);
  });

  it('a 20 MB go.mod parses, prints JSON and formats', () => {
    const lines = ['module example.com/big', 'require ('];
    for (let i = 0; i < 400_000; i++) lines.push(`\texample.com/m${i} v1.0.${i} // indirect`);
    lines.push(')');
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(16_000_000);
    const { file, errors } = parseGoMod(text);
    expect(errors).toEqual([]);
    expect(file.require).toHaveLength(400_000);
    expect(toJson(file).length).toBeGreaterThan(text.length);
    expect(format(file).length).toBeGreaterThan(16_000_000);
  });

  it('one 20 MB line and one 20 MB comment', () => {
    expect(parseGoMod(`module ${'a'.repeat(20_000_000)}\n`).errors).toEqual([]);
    expect(parseGoMod(`module m // ${'c'.repeat(20_000_000)}\n`).errors).toEqual([]);
  });

  it('random binary gives a positioned error or a file', () => {
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      const bytes = new Uint8Array(200);
      for (let i = 0; i < bytes.length; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        bytes[i] = seed >>> 24;
      }
      const r = parseGoMod(bytes);
      for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      parseGoWork(bytes);
    }
  });

  it('CRLF files parse like LF files', () => {
    const lf = 'module m\n\ngo 1.21\n\nrequire (\n\tx.com/a v1.0.0 // indirect\n)\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(toJson(parseGoMod(crlf).file)).toBe(toJson(parseGoMod(lf).file));
    expect(format(parseGoMod(crlf).file)).toBe(format(parseGoMod(lf).file));
  });

  it('BOM and NUL are positioned errors', () => {
    expect(parseGoMod(new Uint8Array([0xef, 0xbb, 0xbf, 0x6d])).errors[0]?.message).toBe(
      "unexpected input character '\\ufeff'",
    );
    expect(parseGoMod('module m\ngo 1.2\u0000').errors[0]).toMatchObject({ line: 2, column: 7 });
  });
});
