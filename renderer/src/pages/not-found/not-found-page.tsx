// An address no page answers (an old bookmark, a mistyped link).
import { Link } from 'react-router';
import { Page } from '../../components/page';

export function NotFoundPage() {
  return (
    <Page title="没有这个页面">
      <p className="lead">要打开的页面不存在，可能是链接有误。</p>
      <p>
        <Link to="/">返回首页</Link>
      </p>
    </Page>
  );
}
