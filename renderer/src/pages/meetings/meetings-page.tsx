// 会议与纪要: placeholder until meetings and minutes are built.
import { Page } from '../../components/page';

export function MeetingsPage() {
  return (
    <Page title="会议与纪要">
      <p className="lead">
        这里将记录全体会议、临时会议和联络员会议的议题，起草和印发会议纪要，并跟踪纪要中交办事项的落实情况。
      </p>
      <p className="pending">此功能正在建设中。</p>
    </Page>
  );
}
