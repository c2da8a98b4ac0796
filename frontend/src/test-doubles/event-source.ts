/**
 * A stand-in for the browser's EventSource in unit tests: every instance is kept in {@link FakeEventSource.opened}
 * and the test drives it (open, named events, a refused or dropped connection).
 */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  static opened: FakeEventSource[] = []

  readonly url: string
  readyState = FakeEventSource.CONNECTING

  constructor(url: string) {
    super()
    this.url = url
    FakeEventSource.opened.push(this)
  }

  static latest(): FakeEventSource {
    const last = FakeEventSource.opened[FakeEventSource.opened.length - 1]
    if (!last) throw new Error('no EventSource was opened')
    return last
  }

  open(): void {
    this.readyState = FakeEventSource.OPEN
    this.dispatchEvent(new Event('open'))
  }

  send(name: string, data: unknown, lastEventId = ''): void {
    this.dispatchEvent(new MessageEvent(name, { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId }))
  }

  /** The server refused the stream (e.g. 401): the browser closes it and does not retry by itself. */
  refuse(): void {
    this.readyState = FakeEventSource.CLOSED
    this.dispatchEvent(new Event('error'))
  }

  /** The connection dropped: the browser reconnects by itself. */
  drop(): void {
    this.readyState = FakeEventSource.CONNECTING
    this.dispatchEvent(new Event('error'))
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED
  }
}
