// Asks before leaving a form with unsaved input: one blocker for the whole app (react-router allows one at a time),
// fed by every form's useFormDraft; and the browser's own question on reload or closing the window.
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { discardUnsavedForms, hasUnsavedForms } from '../hooks/use-form-draft';

export function LeaveGuard() {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      hasUnsavedForms() && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedForms()) return;
      e.preventDefault();
      // Older engines need returnValue set to show their question.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  if (blocker.state !== 'blocked') return null;
  return (
    <div className="modal-backdrop">
      <div role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-text" className="confirm-box modal">
        <h2 id="leave-title">还有未保存的内容</h2>
        <p id="leave-text">本页填写的内容尚未保存。离开将放弃这些内容；留在本页可以继续填写后保存。</p>
        <button className="button primary" type="button" autoFocus onClick={() => blocker.reset()}>
          留在本页
        </button>
        <button
          className="button"
          type="button"
          onClick={() => {
            discardUnsavedForms();
            blocker.proceed();
          }}
        >
          放弃并离开
        </button>
      </div>
    </div>
  );
}
