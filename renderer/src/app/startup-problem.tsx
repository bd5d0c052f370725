// What the window shows before the status is known: a quiet loading line, or why it could not be read.
import { useDocumentTitle } from '../hooks/use-document-title';

type Props = { loading: true } | { loading?: false; message: string; onRetry: () => void };

export function StartupProblem(props: Props) {
  useDocumentTitle(null);
  if (props.loading) {
    return (
      <div className="startup" role="status">
        正在读取本单位数据……
      </div>
    );
  }
  return (
    <div className="startup">
      <div className="startup-card" role="alert">
        <h1>无法读取本单位数据</h1>
        <p>{props.message}</p>
        <button type="button" className="button primary" onClick={props.onRetry}>
          重试
        </button>
      </div>
    </div>
  );
}
