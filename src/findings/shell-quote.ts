// The commands a finding or a repair tells a person to type are shown, never run: a value that is
// not a plain shell word is single-quoted so that pasting the line does what it says.

/** A value as one POSIX shell word: as is when it is plain, else single-quoted. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
