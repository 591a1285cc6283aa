/* Progressive enhancement of the client pages; every form works without it.
   - the subject list shows only the subjects of the chosen type (and hides itself for types without subjects);
   - fields meant for complaints / applications show for those types only;
   - files are checked for count and size before the upload starts;
   - the submit button is disabled after the first click (no double posts). */
(function () {
  'use strict';

  function onType(form) {
    var type = form.querySelector('#f-type');
    var subject = form.querySelector('#f-subject');
    if (!type || !subject) { return; }
    var field = form.querySelector('#subject-field');
    function apply() {
      var chosen = type.value;
      var groups = subject.querySelectorAll('optgroup');
      var any = false;
      groups.forEach(function (g) {
        var mine = g.getAttribute('data-type') === chosen;
        g.hidden = !mine;
        g.disabled = !mine;
        if (mine) { any = true; }
      });
      var selected = subject.options[subject.selectedIndex];
      if (selected && selected.parentNode.tagName === 'OPTGROUP' && selected.parentNode.disabled) {
        subject.value = '';
      }
      if (field) { field.classList.toggle('hidden', chosen !== '' && !any); }
      form.querySelectorAll('.complaint-only').forEach(function (el) {
        el.classList.toggle('hidden', chosen !== '' && chosen !== 'COMPLAINT');
      });
      form.querySelectorAll('.application-only').forEach(function (el) {
        el.classList.toggle('hidden', chosen !== '' && chosen !== 'APPLICATION');
      });
    }
    type.addEventListener('change', apply);
    apply();
  }

  function fileMessage(input, text) {
    var box = input.parentNode.querySelector('.client-file-error');
    if (!box) {
      box = document.createElement('p');
      box.className = 'error-text client-file-error';
      box.setAttribute('role', 'alert');
      input.parentNode.appendChild(box);
    }
    box.textContent = text || '';
    box.classList.toggle('hidden', !text);
  }

  function checkFiles(form) {
    var input = form.querySelector('input[type=file]');
    if (!input || !input.files) { return true; }
    var max = parseInt(form.getAttribute('data-max-files'), 10);
    var maxBytes = parseInt(form.getAttribute('data-max-file-bytes'), 10);
    if (input.files.length > max) {
      fileMessage(input, form.getAttribute('data-too-many'));
      return false;
    }
    for (var i = 0; i < input.files.length; i++) {
      if (input.files[i].size > maxBytes) {
        fileMessage(input, form.getAttribute('data-too-big').replace('{name}', input.files[i].name));
        return false;
      }
    }
    fileMessage(input, '');
    return true;
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[method=post]').forEach(function (form) {
      onType(form);
      var input = form.querySelector('input[type=file]');
      if (input) { input.addEventListener('change', function () { checkFiles(form); }); }
      form.addEventListener('submit', function (event) {
        if (!checkFiles(form)) { event.preventDefault(); return; }
        var button = form.querySelector('button[type=submit]');
        if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
      });
    });
  });
})();
