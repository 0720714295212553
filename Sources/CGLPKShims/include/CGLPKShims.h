#ifndef ZOUBAN_CGLPK_SHIMS_H
#define ZOUBAN_CGLPK_SHIMS_H

/*
 * One guarded entry point into GLPK.
 *
 * GLPK reports fatal errors by calling abort() unless an error hook long-jumps out. A longjmp
 * must never cross Swift frames, so every GLPK call of a solve happens inside zouban_glpk_solve,
 * in C, behind one setjmp; Swift only sees arrays in and a result struct out.
 */

#include <stddef.h>

/* Variable kinds, matching GLPK's GLP_CV / GLP_IV / GLP_BV. */
enum { ZOUBAN_CONTINUOUS = 1, ZOUBAN_INTEGER = 2, ZOUBAN_BINARY = 3 };

/* Row and column bound types, matching GLPK's GLP_FR .. GLP_FX. */
enum { ZOUBAN_FREE = 1, ZOUBAN_LOWER = 2, ZOUBAN_UPPER = 3, ZOUBAN_DOUBLE = 4, ZOUBAN_FIXED = 5 };

/* What happened, on one axis (the solution's status is a separate axis). */
enum {
  ZOUBAN_RUN_FINISHED = 0,    /* glp_intopt returned 0: the search ended normally */
  ZOUBAN_RUN_STOPPED = 1,     /* time limit, gap tolerance or an interrupt ended the search */
  ZOUBAN_RUN_INFEASIBLE = 2,  /* no integer feasible solution exists */
  ZOUBAN_RUN_FAILED = 3,      /* GLPK returned an error code (numerical trouble, bad bounds) */
  ZOUBAN_RUN_FATAL = 4        /* glp_error fired: caught, environment freed */
};

/* The problem, column-major in the sense of GLPK's triplet arrays (all 1-based, index 0 unused). */
typedef struct {
  int rows, cols, nonzeros;
  int maximize;
  double objective_constant;
  const int *row_type;        /* [rows+1] */
  const double *row_lower;    /* [rows+1] */
  const double *row_upper;    /* [rows+1] */
  const int *col_kind;        /* [cols+1] */
  const int *col_type;        /* [cols+1] */
  const double *col_lower;    /* [cols+1] */
  const double *col_upper;    /* [cols+1] */
  const double *objective;    /* [cols+1] */
  const int *ia;              /* [nonzeros+1] row indices */
  const int *ja;              /* [nonzeros+1] column indices */
  const double *ar;           /* [nonzeros+1] values */
} zouban_problem;

/* What a running search has found so far, for a progress display on another thread. The
   callback writes it with atomic stores; zouban_live_read reads it the same way. */
typedef struct {
  double incumbent;           /* objective of the best integer solution (valid when has_incumbent) */
  double bound;               /* best bound over the open nodes (valid when has_bound) */
  int has_incumbent;
  int has_bound;
} zouban_live;

/* Controls. */
typedef struct {
  double time_limit_seconds;  /* wall clock, enforced from the callback */
  double mip_gap;             /* relative gap at which to stop (0 = prove optimality) */
  int presolve;               /* use glp_intopt's MIP presolver (then warm_start is ignored) */
  int cuts;                   /* MIR, Gomory, cover and clique cuts */
  int verbose;                /* forward GLPK's terminal output to stderr */
  const double *warm_start;   /* [cols+1] or NULL: an integer feasible solution given to GLPK */
  size_t memory_limit_mb;     /* 0 = no limit */
  volatile int *interrupt;    /* or NULL: when *interrupt != 0 the search stops */
  zouban_live *live;          /* or NULL: updated from the callback as the search goes */
  const int *branch_first;    /* [branch_first_count] 1-based columns: at each branching, the
                                 first of them GLPK can branch on, up branch first */
  int branch_first_count;
  int best_projection;        /* node selection GLP_BT_BPH instead of GLPK's default */
  int lp_presolve;            /* solve the root LP after GLPK's LP presolver */
} zouban_controls;

/* Everything GLPK said back. */
typedef struct {
  int run;                    /* ZOUBAN_RUN_* */
  int glpk_code;              /* glp_intopt's return code */
  int has_solution;           /* an integer feasible solution is in values */
  int proven_optimal;         /* GLPK proved the solution optimal (GLP_OPT after a full search) */
  double objective;
  int has_bound;
  double bound;               /* best bound over the open nodes seen last (for the sense given) */
  int warm_start_accepted;
  double seconds;
  double first_solution_seconds; /* -1 when none */
  char message[512];          /* GLPK's last terminal lines, for errors */
} zouban_result;

/*
 * Builds the problem in GLPK, solves it, copies the column values into values[1..cols]
 * (values must hold cols+1 doubles), and frees everything GLPK allocated.
 */
void zouban_glpk_solve(const zouban_problem *problem, const zouban_controls *controls,
                       double *values, zouban_result *result);

/* A consistent-enough copy of *live for display (each field read atomically). */
zouban_live zouban_live_read(const zouban_live *live);
/* Clears *live before the next search. */
void zouban_live_reset(zouban_live *live);

/* The version of the GLPK library linked, e.g. "5.0". */
const char *zouban_glpk_version(void);

/*
 * Ctrl-C and SIGTERM: the first sets a flag that every solve's callback polls (GLPK then stops
 * with its best solution); the second ends the process at once with exit code 130.
 */
void zouban_install_interrupt_handlers(void);
/* The flag the handlers set (0 until the first signal). */
volatile int *zouban_interrupt_flag(void);

/* Makes the next GLPK call in zouban_glpk_solve hit glp_error (for tests of the guard). */
void zouban_glpk_test_force_fatal(int on);
/* Test hook: the next solve on this thread stops at the first call of its branch-and-cut callback. */
void zouban_glpk_test_stop_at_first_callback(int on);

#endif
