package com.minichat.domain.usage;

/** A point of a workspace's monthly AI budget that owners and admins hear about. */
public enum BudgetMark {
  /** The warning share of the budget ({@code budgetWarningPercent}). */
  WARNING,
  /** The whole budget: only the free offline answerer replies until the month ends. */
  REACHED
}
