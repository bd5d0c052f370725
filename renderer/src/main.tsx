// Runs in the renderer process (Electron's sandboxed window, or a browser tab in the preview): no Node, no
// electron. It finds the bridge to the main process and mounts the app under a hash router, which survives
// being loaded from file://.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { resolveBridge } from './api/bridge';
import { ApiProvider } from './api/client';
import { appRoutes } from './app/routes';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);
const bridge = resolveBridge();

if (bridge) {
  const router = createHashRouter(appRoutes);
  root.render(
    <StrictMode>
      <ApiProvider bridge={bridge}>
        <RouterProvider router={router} />
      </ApiProvider>
    </StrictMode>,
  );
} else {
  root.render(
    <div className="startup">
      <div className="startup-card" role="alert">
        <h1>无法连接到程序后台</h1>
        <p>请通过“关爱”程序或本机预览命令打开本页面，不要直接用浏览器打开文件。</p>
      </div>
    </div>,
  );
}
