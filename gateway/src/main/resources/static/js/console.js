// The console works without JavaScript; this only adds comforts: focus on a refused form's summary, the CSRF
// token on htmx requests, the radius circle following the radius field, and a confirmation before deleting.
document.addEventListener('DOMContentLoaded', () => {
  // A form that came back refused: the summary of what to correct is read first (it names the fields to correct).
  const errorSummary = document.getElementById('form-errors');
  if (errorSummary) {
    errorSummary.focus();
  }

  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', event => {
      event.detail.headers[header.content] = token.content;
    });
  }

  document.querySelectorAll('[data-area-radius-input]').forEach(input => {
    const map = document.querySelector('.area-map svg');
    if (!map) {
      return;
    }
    const circle = map.querySelector('[data-area-circle]');
    const text = document.querySelector('[data-area-radius-text]');
    const halfWidthKm = parseFloat(map.dataset.halfWidthKm);
    input.addEventListener('input', () => {
      const radius = parseFloat(input.value.replace(',', '.'));
      if (radius > 0 && halfWidthKm > 0) {
        circle.setAttribute('r', Math.min(radius / halfWidthKm * 110, 120));
        if (text) {
          text.textContent = input.value;
        }
      }
    });
  });

  // Quiet hours: typing a time chooses "quiet hours" over "no quiet hours".
  document.querySelectorAll('[data-quiet-times] input').forEach(input => {
    input.addEventListener('input', () => {
      const hours = document.getElementById('quiet-set');
      if (hours && input.value) {
        hours.checked = true;
      }
    });
  });

  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});
