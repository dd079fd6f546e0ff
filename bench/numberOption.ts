/** A benchmark's `--name=N` command-line option, or `fallback` when it is not given. */
export const numberOption = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
