// The editor and the terminal name the same fixes differently: setup() keys and :LlmFit
// commands in Neovim, flags and llmfit commands on the command line. Messages are written once
// (for the editor, where most are seen) and said in the terminal's words here, at the CLI's
// one output boundary, so a CLI user is never told to edit a setup() table.
export const EDITOR_TO_CLI: readonly (readonly [RegExp, string])[] = [
  [/\bset (`runtimes\.(?:ollama\.url|lmstudio\.url|llamacpp\.urls)`)/g, "pass $1"],
  [/`runtimes\.ollama\.url`/g, "`--ollama-url URL`"],
  [/`runtimes\.lmstudio\.url`/g, "`--lmstudio-url URL`"],
  [/`runtimes\.llamacpp\.urls`/g, "`--llamacpp-url URL`"],
  [/`:LlmFit pull ([^`]+)`/g, "`llmfit pull $1`"],
  [/:LlmFit prompt/g, "llmfit prompt"],
  [/change prompt\.model/g, "pass another --model"],
  [/add its URL under runtimes in setup\(\)/g, "pass its URL with --ollama-url, --llamacpp-url or --lmstudio-url"],
  [/, or add it under prompt\.templates in setup\(\)/g, " (the CLI has the built-in templates)"],
  [/set prompt\.embedded_model/g, "pass --model"],
  [/see `runtimes` in setup\(\)/g, "pass --ollama-url, --llamacpp-url or --lmstudio-url"],
];

/** Every pattern above holds one of these: a line with none is said the same in both places. */
export const MARKS = ["runtimes.", ":LlmFit", "prompt.", "setup()"];

export function inCliWords(line: string): string {
  // the report passes each of its lines through here: most name none of the editor's words
  if (!MARKS.some((m) => line.includes(m))) return line;
  return EDITOR_TO_CLI.reduce((s, [from, to]) => s.replace(from, to), line);
}
