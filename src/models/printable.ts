// Text from files and servers (GGUF metadata, model names) is printed to terminals and floats;
// control characters in it could move the cursor, retitle the terminal or hide text. They are
// shown escaped instead (ESC -> \x1b, NUL -> \x00), like `cat -v` but reversible to the eye.

// C0 controls except tab, DEL, and C1 controls (U+0080–U+009F: 8-bit CSI and friends)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

export function printable(s: string): string {
  return s.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
