import { setupActivity } from '../features/activity.ts'
import { setupChangePassword } from '../features/change-password.ts'
import { DELETE_WARNING, setupDeleteAccount } from '../features/delete-account.ts'
import SessionsCard from '../features/SessionsCard.svelte'
import { setupUsage } from '../features/usage.ts'
import { currentUser } from '../session.ts'
import { find, fragment } from '../ui/dom.ts'
import { formatDate } from '../ui/format.ts'
import { icons } from '../ui/icons.ts'
import { mount, unmount } from 'svelte'

export function setupAccount(outlet: HTMLElement): () => void {
  outlet.replaceChildren(
    fragment(`
      <div class="page-inner page-narrow">
        <header class="page-header">
          <h1 tabindex="-1">Account</h1>
          <p class="page-lede">Your sign-in details, security and recent activity.</p>
        </header>

        <section class="card" aria-labelledby="profile-title">
          <h2 id="profile-title" class="card-title">Profile</h2>
          <dl class="details">
            <div class="detail"><dt>Email</dt><dd id="profile-email"></dd></div>
            <div class="detail"><dt>Member since</dt><dd><time id="profile-since"></time></dd></div>
          </dl>
        </section>

        <section class="card" aria-labelledby="password-title">
          <h2 id="password-title" class="card-title">Change password</h2>
          <p class="card-summary">Use at least 10 characters. A passphrase of a few words works well.</p>
          <form id="password-form" class="form form-inline-width" novalidate>
            <div id="password-error" class="form-alert" role="alert" hidden></div>
            <div class="field">
              <label for="current-password">Current password</label>
              <input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required />
              <p id="current-password-error" class="field-error" hidden></p>
            </div>
            <div class="field">
              <label for="new-password">New password</label>
              <input id="new-password" name="newPassword" type="password" autocomplete="new-password"
                     minlength="10" required aria-describedby="new-password-hint" />
              <p id="new-password-hint" class="field-hint">At least 10 characters</p>
              <p id="new-password-error" class="field-error" hidden></p>
            </div>
            <div class="form-actions">
              <button id="password-submit" type="submit" class="btn btn-primary">Update password</button>
              <p id="password-success" class="form-success" role="status" hidden>Your password has been changed.</p>
            </div>
          </form>
        </section>

        <div id="sessions-slot"></div>

        <section id="usage-card" class="card" aria-labelledby="usage-title">
          <h2 id="usage-title" class="card-title">Worker time</h2>
          <p class="card-summary">How long the workers spent on your jobs today (UTC). Training, fine-tuning and swaps use the GPU; thumbnails and finding faces use a CPU.</p>
          <dl class="details">
            <div class="detail"><dt>GPU time today</dt><dd id="usage-gpu">…</dd></div>
            <div class="detail"><dt>CPU time today</dt><dd id="usage-cpu">…</dd></div>
          </dl>
          <progress id="usage-bar" class="job-progress usage-bar" aria-labelledby="usage-title" hidden></progress>
        </section>

        <section id="activity-card" class="card" aria-labelledby="activity-title">
          <h2 id="activity-title" class="card-title">Recent activity</h2>
          <p class="card-summary">Sign-ins and changes to your account. If something looks unfamiliar, change your password.</p>
          <ol id="activity-list" class="activity-list"></ol>
          <p class="activity-status" hidden></p>
        </section>

        <section class="card card-danger" aria-labelledby="danger-title">
          <h2 id="danger-title" class="card-title">${icons.warning}<span>Danger zone</span></h2>
          <div class="danger-row">
            <div>
              <h3 class="danger-title">Delete account</h3>
              <p class="danger-text"></p>
            </div>
          </div>
          <form id="delete-form" class="form form-inline-width" novalidate>
            <div id="delete-error" class="form-alert" role="alert" hidden></div>
            <div class="field">
              <label for="delete-password">Confirm with your password</label>
              <input id="delete-password" name="password" type="password" autocomplete="current-password" required />
              <p id="delete-password-error" class="field-error" hidden></p>
            </div>
            <div class="form-actions">
              <button id="delete-submit" type="submit" class="btn btn-danger">Delete account</button>
            </div>
          </form>
        </section>
      </div>
    `),
  )

  const user = currentUser()
  if (user) {
    find(outlet, '#profile-email').textContent = user.email
    const since = find(outlet, '#profile-since')
    since.setAttribute('datetime', user.createdAt)
    since.textContent = formatDate(user.createdAt)
  }
  find(outlet, '.danger-text').textContent = DELETE_WARNING

  const activity = setupActivity(find(outlet, '#activity-card'))
  // Svelte component, mounted in place of the slot (the page around it is still built by hand).
  const slot = find(outlet, '#sessions-slot')
  const sessions = mount(SessionsCard, { target: slot.parentElement!, anchor: slot })
  slot.remove()
  const usage = new AbortController()
  setupUsage(find(outlet, '#usage-card'), usage.signal)
  setupChangePassword(find<HTMLFormElement>(outlet, '#password-form'), () => {
    activity.reload()
    void sessions.reload()
  })
  setupDeleteAccount(find<HTMLFormElement>(outlet, '#delete-form'))
  return () => {
    usage.abort()
    activity.dispose()
    void unmount(sessions)
  }
}
