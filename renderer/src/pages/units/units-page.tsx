// 成员单位与职责: placeholder until the composition and duties are built.
import { Page } from '../../components/page';

export function UnitsPage() {
  return (
    <Page title="成员单位与职责">
      <p className="lead">
        这里将列出联席会议的召集人、副召集人、各成员单位及其成员和联络员，以及各成员单位的职责分工。
      </p>
      <p className="pending">此功能正在建设中。</p>
    </Page>
  );
}
