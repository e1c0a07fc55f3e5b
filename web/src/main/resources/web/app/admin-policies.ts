import { html } from 'lit';
import { get, Page } from './api';
import { t, yen } from './i18n';
import { AdminTab } from './admin-tab';

/** The insurance policies the platform holds for its customers. */
class AdminPolicies extends AdminTab {
  static properties = { ...AdminTab.properties, policies: { state: true } };
  declare policies: any[];

  constructor() {
    super();
    this.policies = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    this.policies = (await get<Page<any>>('insurance/policies?limit=500')).items;
  }

  render() {
    return html`${this.banners()}${this.policyList()}`;
  }

  private policyList() {
    return html`<h1>${t('admin.policies')}</h1>
      <table><thead><tr><th scope="col">${t('admin.policyNumber')}</th><th scope="col">${t('admin.insurer')}</th>
        <th scope="col">${t('admin.startsOn')}</th><th scope="col">${t('admin.endsOn')}</th><th scope="col">${t('admin.deductible')}</th></tr></thead>
      <tbody>${this.policies.map((p) => html`<tr><td>${p.policyNumber}</td><td>${p.insurerId}</td><td>${p.startsOn}</td>
        <td>${p.endsOn}</td><td class="num">${yen(p.deductibleYen)}</td></tr>`)}</tbody></table>`;
  }

}

customElements.define('admin-policies', AdminPolicies);
