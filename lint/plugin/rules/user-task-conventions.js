'use strict';

const { is } = require('bpmnlint-utils');

/**
 * Every user task shows a Camunda Form deployed with the diagram, is offered to a group and carries a due date,
 * so it appears in the group's Tasklist filters ("Задачи группы", "Просроченные", "Срок сегодня").
 */
module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = node.get('camunda:formRef');
    if (!formRef) {
      reporter.report(node.id, 'User task needs camunda:formRef="form-…" (a Camunda Form in forms/)');
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'User task needs camunda:formRefBinding="deployment"');
    }
    if (!node.get('camunda:candidateGroups') && !node.get('camunda:assignee')) {
      reporter.report(node.id, 'User task needs camunda:candidateGroups');
    }
    if (!node.get('camunda:dueDate')) {
      reporter.report(node.id, 'User task needs camunda:dueDate');
    }
  }

  return { check };
};
