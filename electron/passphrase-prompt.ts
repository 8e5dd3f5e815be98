/**
 * The browser host's database key: a passphrase asked on the terminal at start, never taken from the command line
 * or the environment (both are visible to other programs) and never printed. On a terminal the typing is hidden;
 * from a pipe (a script, the tests) it is read line by line.
 */
import readline from 'node:readline';

export const minPassphraseLength = 12;

/** Reads answers from the terminal (hidden) or from piped standard input; null when input has ended. */
export class Prompter {
  private readonly input: NodeJS.ReadStream;
  private readonly output: NodeJS.WriteStream;
  private lines: AsyncIterator<string> | null = null;
  constructor(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stdout) {
    this.input = input;
    this.output = output;
  }

  async ask(question: string): Promise<string | null> {
    this.output.write(question);
    if (this.input.isTTY) return this.readHidden();
    this.lines ??= readline.createInterface({ input: this.input, terminal: false })[Symbol.asyncIterator]();
    const next = await this.lines.next();
    this.output.write('\n');
    return next.done ? null : normalize(next.value);
  }

  close(): void {
    this.lines?.return?.();
    if (!this.input.isTTY) this.input.pause();
  }

  private readHidden(): Promise<string | null> {
    const input = this.input;
    return new Promise((resolve) => {
      let typed = '';
      input.setRawMode(true);
      input.resume();
      input.setEncoding('utf8');
      let inEscapeSequence = false;
      const done = (value: string | null) => {
        input.setRawMode(false);
        input.pause();
        input.off('data', onData);
        this.output.write('\n');
        resolve(value === null ? null : normalize(value));
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') return done(typed);
          if (ch === '\u0003') {
            done(null);
            process.exit(130); // Ctrl+C
          }
          if (ch === '\u0004') return done(null); // Ctrl+D
          // An arrow or function key sends ESC [ … letter: none of it is part of the passphrase.
          if (ch === '\u001b') inEscapeSequence = true;
          else if (inEscapeSequence) inEscapeSequence = !/[A-Za-z~]/.test(ch);
          else if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else if (ch >= ' ') typed += ch;
        }
      };
      input.on('data', onData);
    });
  }
}

/** The same passphrase typed on another keyboard or system (é as one character or as e + accent) is the same key. */
function normalize(value: string): string {
  return value.normalize('NFC');
}

/** A new passphrase, asked twice; explains what it protects. Null when input ended. */
export async function askNewPassphrase(prompter: Prompter, state: 'new' | 'plain'): Promise<string | null> {
  const intro =
    state === 'plain'
      ? 'De gegevens in deze map zijn nog niet versleuteld. Kies een wachtwoordzin; Schakel versleutelt de database en bewaart de gegevens zoals ze waren ook als (versleutelde) reservekopie.'
      : 'Schakel versleutelt de gegevens op deze computer. Kies een wachtwoordzin; zonder die wachtwoordzin zijn de gegevens niet te openen, ook niet door ons.';
  console.log(intro);
  for (;;) {
    const first = await prompter.ask(`Nieuwe wachtwoordzin (minstens ${minPassphraseLength} tekens): `);
    if (first === null) return null;
    if (first.length < minPassphraseLength) {
      console.log(
        `Te kort: gebruik minstens ${minPassphraseLength} tekens, bijvoorbeeld een paar losse woorden.`,
      );
      continue;
    }
    const again = await prompter.ask('Herhaal de wachtwoordzin: ');
    if (again === null) return null;
    if (again === first) return first;
    console.log('De twee wachtwoordzinnen verschillen. Probeer het opnieuw.');
  }
}
