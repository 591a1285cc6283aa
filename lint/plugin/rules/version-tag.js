'use strict';

const { is } = require('bpmnlint-utils');

/** Every executable process carries camunda:versionTag, so Cockpit shows which rules an instance ran under. */
module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && !node.get('camunda:versionTag')) {
      reporter.report(node.id, 'Executable process needs camunda:versionTag');
    }
  }

  return { check };
};
