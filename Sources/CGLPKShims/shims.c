#include "CGLPKShims.h"

#include <float.h>
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* State of one solve; lives on the C stack of zouban_glpk_solve (GLPK is per-thread here). */
typedef struct {
  jmp_buf fatal;
  const zouban_controls *controls;
  zouban_result *result;
  double started;
  int warm_start_tried;
  int in_root_lp; /* glp_simplex of the root LP is running: the terminal hook may stop it */
  char tail[512]; /* ring of the last terminal output, newest last */
} solve_state;

/* How control came back to zouban_glpk_solve's setjmp. */
enum { ZOUBAN_JUMP_FATAL = 1, ZOUBAN_JUMP_INTERRUPTED = 2 };

static _Thread_local int force_fatal = 0;
static _Thread_local int stop_at_first_callback = 0;

static volatile sig_atomic_t interrupted = 0;

/* Async-signal-safe: only sets the flag, or _exit on the second signal. */
static void on_interrupt(int signal) {
  (void)signal;
  if (interrupted) _exit(130);
  interrupted = 1;
}

void zouban_install_interrupt_handlers(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  /* A process inherits its parent's blocked signals (a test runner's thread, a service manager):
     a blocked SIGINT would stay pending and never stop the solve. */
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGINT);
  sigaddset(&wanted, SIGTERM);
  sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

volatile int *zouban_interrupt_flag(void) { return (volatile int *)&interrupted; }

void zouban_glpk_test_force_fatal(int on) { force_fatal = on; }

void zouban_glpk_test_stop_at_first_callback(int on) { stop_at_first_callback = on; }

const char *zouban_glpk_version(void) { return glp_version(); }

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Keeps the newest output in state->tail; forwards it to stderr when verbose. Returns non-zero so
   GLPK itself prints nothing: stdout belongs to Zouban's report. */
static int term_hook(void *info, const char *s) {
  solve_state *state = info;
  const zouban_controls *c = state->controls;
  /* The root LP's progress lines (see root_simplex) are a chance to hear Ctrl-C, not news for
     --verbose; they still go into the tail, which must end with GLPK's last words. */
  if (state->in_root_lp && c->interrupt != NULL && *c->interrupt != 0) longjmp(state->fatal, ZOUBAN_JUMP_INTERRUPTED);
  if (c->verbose && !state->in_root_lp) fputs(s, stderr);
  size_t have = strlen(state->tail), add = strlen(s), cap = sizeof state->tail - 1;
  if (add >= cap) {
    memcpy(state->tail, s + add - cap, cap);
    state->tail[cap] = 0;
  } else {
    if (have + add > cap) {
      memmove(state->tail, state->tail + (have + add - cap), cap - add);
      have = cap - add;
    }
    memcpy(state->tail + have, s, add + 1);
  }
  return 1;
}

/* glp_error calls this before abort(): leave through the setjmp in zouban_glpk_solve.
   GLPK's documentation: "the application program must call the routine glp_free_env". */
static void error_hook(void *info) {
  solve_state *state = info;
  longjmp(state->fatal, ZOUBAN_JUMP_FATAL);
}

/* Copies the incumbent and the bound into the live record a progress display reads. */
static void publish(zouban_live *live, glp_tree *tree, const zouban_result *r) {
  if (live == NULL) return;
  glp_prob *lp = glp_ios_get_prob(tree);
  if (glp_mip_status(lp) == GLP_FEAS || glp_mip_status(lp) == GLP_OPT) {
    double incumbent = glp_mip_obj_val(lp);
    __atomic_store(&live->incumbent, &incumbent, __ATOMIC_RELAXED);
    __atomic_store_n(&live->has_incumbent, 1, __ATOMIC_RELEASE);
  }
  if (r->has_bound) {
    double bound = r->bound;
    __atomic_store(&live->bound, &bound, __ATOMIC_RELAXED);
    __atomic_store_n(&live->has_bound, 1, __ATOMIC_RELEASE);
  }
}

zouban_live zouban_live_read(const zouban_live *live) {
  zouban_live copy = {0, 0, 0, 0};
  copy.has_incumbent = __atomic_load_n(&live->has_incumbent, __ATOMIC_ACQUIRE);
  copy.has_bound = __atomic_load_n(&live->has_bound, __ATOMIC_ACQUIRE);
  __atomic_load(&live->incumbent, &copy.incumbent, __ATOMIC_RELAXED);
  __atomic_load(&live->bound, &copy.bound, __ATOMIC_RELAXED);
  return copy;
}

void zouban_live_reset(zouban_live *live) {
  __atomic_store_n(&live->has_incumbent, 0, __ATOMIC_RELEASE);
  __atomic_store_n(&live->has_bound, 0, __ATOMIC_RELEASE);
}

/* Records the best bound and the first solution's time; stops the search at the deadline or on
   an interrupt; hands GLPK the warm start once; branches on the caller's columns first. Never
   jumps or throws. */
static void callback(glp_tree *tree, void *info) {
  solve_state *state = info;
  const zouban_controls *c = state->controls;
  zouban_result *r = state->result;
  int reason = glp_ios_reason(tree);
  int best = glp_ios_best_node(tree);
  /* A node whose LP glp_intopt has not solved yet has the bound ±DBL_MAX (the root, at the first
     callbacks): keep the root LP's bound from glp_simplex until a real one comes. */
  double node_bound = best != 0 ? glp_ios_node_bound(tree, best) : 0;
  if (best != 0 && fabs(node_bound) < DBL_MAX) {
    r->has_bound = 1;
    r->bound = node_bound;
  }
  publish(c->live, tree, r);
  if (reason == GLP_IBRANCH && !c->presolve) { /* the presolver renumbers columns */
    for (int k = 0; k < c->branch_first_count; k++) {
      if (glp_ios_can_branch(tree, c->branch_first[k])) {
        glp_ios_branch_upon(tree, c->branch_first[k], GLP_UP_BRNCH);
        break;
      }
    }
  }
  if (reason == GLP_IBINGO && r->first_solution_seconds < 0)
    r->first_solution_seconds = now_seconds() - state->started;
  if (reason == GLP_IHEUR && c->warm_start != NULL && !state->warm_start_tried) {
    state->warm_start_tried = 1;
    if (glp_ios_heur_sol(tree, c->warm_start) == 0) {
      r->warm_start_accepted = 1;
      if (r->first_solution_seconds < 0) r->first_solution_seconds = now_seconds() - state->started;
    }
  }
  /* An interrupt waits until the root node has been branched on (more than one node created) or
     a new incumbent arrives: stopping earlier throws away the timetable the root LP usually
     already holds (GLP_ISELECT also comes before the root, so it cannot tell). The time limit
     acts at once. */
  int created = 0;
  glp_ios_tree_size(tree, NULL, NULL, &created);
  int interrupted = c->interrupt != NULL && *c->interrupt != 0 && (created > 1 || reason == GLP_IBINGO);
  int stop_now = stop_at_first_callback;
  stop_at_first_callback = 0;
  if (stop_now || interrupted || now_seconds() - state->started >= c->time_limit_seconds) glp_ios_terminate(tree);
}

static void load(glp_prob *lp, const zouban_problem *p) {
  glp_set_obj_dir(lp, p->maximize ? GLP_MAX : GLP_MIN);
  glp_set_obj_coef(lp, 0, p->objective_constant);
  if (p->rows > 0) glp_add_rows(lp, p->rows);
  if (p->cols > 0) glp_add_cols(lp, p->cols);
  for (int i = 1; i <= p->rows; i++) glp_set_row_bnds(lp, i, p->row_type[i], p->row_lower[i], p->row_upper[i]);
  for (int j = 1; j <= p->cols; j++) {
    int kind = p->col_kind[j] == ZOUBAN_BINARY ? GLP_IV : p->col_kind[j] == ZOUBAN_INTEGER ? GLP_IV : GLP_CV;
    glp_set_col_kind(lp, j, kind);
    glp_set_col_bnds(lp, j, p->col_type[j], p->col_lower[j], p->col_upper[j]);
    glp_set_obj_coef(lp, j, p->objective[j]);
  }
  if (p->nonzeros > 0) glp_load_matrix(lp, p->nonzeros, p->ia, p->ja, p->ar);
}

/* The root LP, interruptible by Ctrl-C: glp_simplex checks no flag of ours, so a 35-s LP (stage 1
   at 20,000 students) would not hear it until done. It is asked to print its progress every
   0.2 s, and the terminal hook, which sees each line, leaves it by longjmp when the interrupt
   flag is up (the same exit a fatal error takes; glp_free_env then frees the whole environment,
   as GLPK requires after a jump out of it). The simplex itself runs in one call: resuming it in
   slices changed its path (阳光小学's plan, and stage 3 540 below the bound) and cost its pricing
   state at every resume (4,000 generated students: stage 1 11.9 s → 27.3 s). */
static int root_simplex(solve_state *state, glp_prob *lp, glp_smcp *smcp) {
  const zouban_controls *c = state->controls;
  if ((c->interrupt != NULL && *c->interrupt != 0) || c->time_limit_seconds <= 0) return GLP_ETMLIM;
  smcp->msg_lev = GLP_MSG_ON;
  smcp->out_frq = 200;
  smcp->out_dly = 0;
  state->in_root_lp = 1;
  int code = glp_simplex(lp, smcp);
  state->in_root_lp = 0;
  return code;
}

static void run(solve_state *state, glp_prob *lp, const zouban_problem *p, double *values) {
  const zouban_controls *c = state->controls;
  zouban_result *r = state->result;
  load(lp, p);
  if (force_fatal) {
    force_fatal = 0;
    glp_set_col_bnds(lp, p->cols + 1, GLP_FX, 0, 0); /* out of range: glp_error */
  }

  glp_iocp iocp;
  glp_init_iocp(&iocp);
  iocp.msg_lev = GLP_MSG_ON;
  iocp.cb_func = callback;
  iocp.cb_info = state;
  iocp.mip_gap = c->mip_gap;
  double limit_ms = c->time_limit_seconds * 1000.0;
  iocp.tm_lim = limit_ms >= 2e9 ? 2000000000 : (int)limit_ms;
  if (c->cuts) iocp.mir_cuts = iocp.gmi_cuts = iocp.cov_cuts = iocp.clq_cuts = GLP_ON;
  iocp.presolve = c->presolve ? GLP_ON : GLP_OFF;
  if (c->best_projection) iocp.bt_tech = GLP_BT_BPH;

  if (!c->presolve) {
    /* glp_intopt without its presolver needs an optimal basis of the LP relaxation. */
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    /* On request, GLPK's LP presolver (see GLPKSolver.Options.lpPresolve). The basis it hands
       back is optimal for the problem as given, which glp_intopt without its presolver needs. */
    if (c->lp_presolve) smcp.presolve = GLP_ON;
    smcp.msg_lev = GLP_MSG_ERR;
    smcp.tm_lim = iocp.tm_lim;
    /* Scale as glpsol does. Unscaled, the simplex ends the school models' root LP on a
       fractional vertex of the optimal face and branch-and-bound wanders for minutes; scaled,
       it lands on an integral one (measured: 晨光中学 stage 3, 60 s unproven → 4 s proven). */
    glp_scale_prob(lp, GLP_SF_AUTO);
    glp_adv_basis(lp, 0);
    int code = root_simplex(state, lp, &smcp);
    int status = glp_get_status(lp);
    /* With the LP presolver, an infeasible LP ends with GLP_ENOPFS instead of a status. */
    if ((code == 0 && status == GLP_NOFEAS) || code == GLP_ENOPFS) {
      r->run = ZOUBAN_RUN_INFEASIBLE;
      return;
    }
    if (code == GLP_ETMLIM || (code == 0 && status != GLP_OPT)) {
      r->run = code == GLP_ETMLIM ? ZOUBAN_RUN_STOPPED : ZOUBAN_RUN_FAILED;
      r->glpk_code = code;
      return;
    }
    if (code != 0) {
      r->run = ZOUBAN_RUN_FAILED;
      r->glpk_code = code;
      return;
    }
    r->has_bound = 1;
    r->bound = glp_get_obj_val(lp);
  }

  int code = glp_intopt(lp, &iocp);
  r->glpk_code = code;
  int status = glp_mip_status(lp);
  r->has_solution = status == GLP_OPT || status == GLP_FEAS;
  switch (code) {
  case 0:
    r->run = status == GLP_NOFEAS ? ZOUBAN_RUN_INFEASIBLE : ZOUBAN_RUN_FINISHED;
    r->proven_optimal = status == GLP_OPT && c->mip_gap == 0;
    break;
  case GLP_ENOPFS:
  case GLP_ENODFS:
    r->run = ZOUBAN_RUN_INFEASIBLE;
    break;
  case GLP_ETMLIM:
  case GLP_ESTOP:
  case GLP_EMIPGAP:
    r->run = ZOUBAN_RUN_STOPPED;
    break;
  default:
    r->run = ZOUBAN_RUN_FAILED;
  }
  if (r->has_solution) {
    r->objective = glp_mip_obj_val(lp);
    for (int j = 1; j <= p->cols; j++) values[j] = glp_mip_col_val(lp, j);
  }
}

void zouban_glpk_solve(const zouban_problem *problem, const zouban_controls *controls,
                       double *values, zouban_result *result) {
  /* volatile: read after longjmp */
  solve_state *volatile state_ptr;
  solve_state state;
  memset(&state, 0, sizeof state);
  memset(result, 0, sizeof *result);
  result->first_solution_seconds = -1;
  state.controls = controls;
  state.result = result;
  state.started = now_seconds();
  state_ptr = &state;

  glp_term_hook(term_hook, &state);
  glp_error_hook(error_hook, &state);
  if (controls->memory_limit_mb > 0) glp_mem_limit((int)controls->memory_limit_mb);
  int jumped = setjmp(state.fatal);
  if (jumped == 0) {
    glp_prob *lp = glp_create_prob();
    run(&state, lp, problem, values);
    glp_delete_prob(lp);
  } else {
    /* Every glp_prob is gone with the environment: never delete it again. */
    state_ptr->result->run = jumped == ZOUBAN_JUMP_INTERRUPTED ? ZOUBAN_RUN_STOPPED : ZOUBAN_RUN_FATAL;
    state_ptr->result->has_solution = 0;
  }
  state_ptr->result->seconds = now_seconds() - state_ptr->started;
  snprintf(state_ptr->result->message, sizeof state_ptr->result->message, "%s", state_ptr->tail);
  /* Leaves no GLPK state behind on this thread; also what the error hook requires. */
  glp_free_env();
}
