import type { AppContext } from '../app/context';
import type { ChannelName, ParsedArgsOf, ResultOf } from '../contract/channels';

/** A handler: a plain async function of the validated argument and the app context. Never imports electron. */
export type Handler<K extends ChannelName> = (args: ParsedArgsOf<K>, ctx: AppContext) => Promise<ResultOf<K>>;
export type HandlerMap<K extends ChannelName> = { [P in K]: Handler<P> };
