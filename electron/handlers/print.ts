// Printing: the handler renders the document; saving as PDF and the print dialog belong to the desktop shell, which
// the Electron main process injects into the context (handlers never import electron).
import type { AppContext } from '../app/context';
import { AppError } from '../contract/errors';
import { printRenderers, type PrintArgs, type PrintedDocument } from '../print/renderers';
import type { HandlerMap } from './types';

async function render(ctx: AppContext, args: PrintArgs): Promise<PrintedDocument> {
  const renderer = printRenderers.get(args.kind);
  if (!renderer) throw new AppError('NOT_FOUND', '没有这种可打印的文件。');
  return renderer(ctx, args);
}

function shellOf(ctx: AppContext) {
  if (!ctx.shell) {
    throw new AppError('NOT_AVAILABLE', '浏览器预览中请用浏览器的“打印”功能（可选择“另存为 PDF”）。');
  }
  return ctx.shell;
}

export const printHandlers = {
  async 'print.render'(args, ctx) {
    return render(ctx, args);
  },
  async 'print.pdf'(args, ctx) {
    const shell = shellOf(ctx);
    const doc = await render(ctx, args);
    return shell.savePdf(doc.html, doc.title);
  },
  async 'print.print'(args, ctx) {
    const shell = shellOf(ctx);
    const doc = await render(ctx, args);
    return shell.print(doc.html);
  },
} satisfies HandlerMap<'print.render' | 'print.pdf' | 'print.print'>;
