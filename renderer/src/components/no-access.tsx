// What a page says to a person whose role may not use it (the navigation does not offer it, but an address might).
import { Page } from './page';

export function NoAccess({ title }: { title: string }) {
  return (
    <Page title={title}>
      <div className="form-error" role="alert">
        <p>无权限：您的角色不能使用本页面。如需使用，请联系本单位的系统管理员。</p>
      </div>
    </Page>
  );
}
