/** A file that cannot be read as a list: one bilingual line. Apart from the readers, so catching it loads none of them. */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}
