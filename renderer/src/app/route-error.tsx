// Shown when a page fails to render. The error's own text is not shown: it may carry paths or personal data.
import { Link, useRouteError } from 'react-router';
import { useEffect } from 'react';

export function RouteError() {
  const error = useRouteError();
  useEffect(() => {
    console.error('页面渲染出错', error instanceof Error ? error.name : typeof error);
  }, [error]);
  return (
    <div className="startup">
      <div className="startup-card" role="alert">
        <h1>页面出错了</h1>
        <p>这个页面没能正常显示，数据没有受到影响。请返回首页后重试；如果反复出现，请重新启动本程序。</p>
        <Link className="button primary" to="/">
          返回首页
        </Link>
      </div>
    </div>
  );
}
