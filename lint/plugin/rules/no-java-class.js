'use strict';

const { isAny } = require('bpmnlint-utils');

/**
 * Delegates and listeners are Spring beans wired by camunda:delegateExpression="${beanName}"; camunda:class bypasses
 * Spring (no injection, no transactions) and breaks when a class is renamed.
 */
module.exports = function() {

  function check(node, reporter) {
    if (isAny(node, [ 'camunda:ServiceTaskLike', 'camunda:ExecutionListener', 'camunda:TaskListener' ])
        && node.get('camunda:class')) {
      const id = node.id || (node.$parent && node.$parent.$parent && node.$parent.$parent.id);
      reporter.report(id, 'camunda:class is not allowed: use camunda:delegateExpression="${beanName}"');
    }
  }

  return { check };
};
