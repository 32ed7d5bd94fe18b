import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Navigate, useLocation, useRoutes, type RouteObject } from "react-router";
import { ErrorBoundary } from "./error-boundary";
import { NotFound, RequireAuth } from "./guards";
import { PortalLayout } from "./layout/portal-layout";
import { PublicLayout } from "./layout/public-layout";
import { PageLoading } from "./page-state";
import { CONSOLE_ROLES, deskHomeFor, hasAnyRole } from "./roles";
import { SessionProvider, useSession } from "./session";

/** One chunk per page: a visitor or a trainee never downloads the console. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const HomePage = page(() => import("../features/home/home-page"), "HomePage");
const LoginPage = page(() => import("../features/accounts/login-page"), "LoginPage");
const RegisterPage = page(() => import("../features/accounts/register-page"), "RegisterPage");
const TraineeClaimsPage = page(() => import("../features/accounts/trainee-claims-page"), "TraineeClaimsPage");
const ForgotPasswordPage = page(() => import("../features/accounts/forgot-password-page"), "ForgotPasswordPage");
const ChangePhonePage = page(() => import("../features/accounts/change-phone-page"), "ChangePhonePage");
const ChangePasswordPage = page(() => import("../features/accounts/change-password-page"), "ChangePasswordPage");
const ProfilePage = page(() => import("../features/profile/profile-page"), "ProfilePage");
const ConsoleLayout = page(() => import("./layout/console-layout"), "ConsoleLayout");
const EnterprisesPage = page(() => import("../features/enterprises/enterprises-page"), "EnterprisesPage");
const TraineesPage = page(() => import("../features/trainees/trainees-page"), "TraineesPage");
const EnterpriseLinksPage = page(() => import("../features/trainees/enterprise-links-page"), "EnterpriseLinksPage");
const ConsoleJudgesPage = page(() => import("../features/awards/console-judges-page"), "ConsoleJudgesPage");
const UsersPage = page(() => import("../features/users/users-page"), "UsersPage");
const AuditPage = page(() => import("../features/audit/audit-page"), "AuditPage");
const DashboardPage = page(() => import("../features/dashboard/dashboard-page"), "DashboardPage");
const CoursesPage = page(() => import("../features/training/courses-page"), "CoursesPage");
const CohortsPage = page(() => import("../features/training/cohorts-page"), "CohortsPage");
const CohortPage = page(() => import("../features/training/cohort-page"), "CohortPage");
const ConsoleCertificatesPage = page(
  () => import("../features/certificates/console-certificates-page"),
  "ConsoleCertificatesPage",
);
const VerifyPage = page(() => import("../features/certificates/verify-page"), "VerifyPage");
const MyCohortsPage = page(() => import("../features/training/my-cohorts-page"), "MyCohortsPage");
const CheckInPage = page(() => import("../features/training/check-in-page"), "CheckInPage");
const ConsoleCoursesPage = page(() => import("../features/training/console-courses-page"), "ConsoleCoursesPage");
const ConsoleCohortsPage = page(() => import("../features/training/console-cohorts-page"), "ConsoleCohortsPage");
const ConsoleCohortPage = page(() => import("../features/training/console-cohort-page"), "ConsoleCohortPage");
const AttendancePage = page(() => import("../features/training/attendance-page"), "AttendancePage");
const EventsPage = page(() => import("../features/events/events-page"), "EventsPage");
const EventPage = page(() => import("../features/events/event-page"), "EventPage");
const MyEventsPage = page(() => import("../features/events/my-events-page"), "MyEventsPage");
const CalendarFeedPage = page(() => import("../features/events/calendar-feed-page"), "CalendarFeedPage");
const ConsoleEventsPage = page(() => import("../features/events/console-events-page"), "ConsoleEventsPage");
const ConsoleEventPage = page(() => import("../features/events/console-event-page"), "ConsoleEventPage");
const ConsoleSpeakersPage = page(() => import("../features/events/console-speakers-page"), "ConsoleSpeakersPage");
const HonorRollPage = page(() => import("../features/awards/honor-roll-page"), "HonorRollPage");
const JudgeAssignmentsPage = page(() => import("../features/awards/judge-assignments-page"), "JudgeAssignmentsPage");
const JudgeAssignmentPage = page(() => import("../features/awards/judge-assignment-page"), "JudgeAssignmentPage");
const ConsoleAwardCyclesPage = page(
  () => import("../features/awards/console-award-cycles-page"),
  "ConsoleAwardCyclesPage",
);
const ConsoleAwardCyclePage = page(
  () => import("../features/awards/console-award-cycle-page"),
  "ConsoleAwardCyclePage",
);
const ChambersPage = page(() => import("../features/chambers/chambers-page"), "ChambersPage");
const ChamberPage = page(() => import("../features/chambers/chamber-page"), "ChamberPage");
const ImportsPage = page(() => import("../features/imports/imports-page"), "ImportsPage");
const NotificationSettingsPage = page(
  () => import("../features/notifications/notification-settings-page"),
  "NotificationSettingsPage",
);
const DeliveryFailuresPage = page(
  () => import("../features/notifications/delivery-failures-page"),
  "DeliveryFailuresPage",
);
const MyEnterprisesPage = page(() => import("../features/commissioners/my-enterprises-page"), "MyEnterprisesPage");
const VisitLogPage = page(() => import("../features/commissioners/visit-log-page"), "VisitLogPage");
const VisitFormPage = page(() => import("../features/commissioners/visit-form-page"), "VisitFormPage");
const CoveragePage = page(() => import("../features/commissioners/coverage-page"), "CoveragePage");
const CommissionersPage = page(() => import("../features/commissioners/commissioners-page"), "CommissionersPage");
const DepartmentsPage = page(() => import("../features/commissioners/departments-page"), "DepartmentsPage");
const ReportProblemPage = page(() => import("../features/desk-enterprise/report-problem-page"), "ReportProblemPage");
const MyProblemsPage = page(() => import("../features/desk-enterprise/my-problems-page"), "MyProblemsPage");
const ProblemPage = page(() => import("../features/desk-enterprise/problem-page"), "ProblemPage");
const BindEnterprisePage = page(() => import("../features/desk-enterprise/bind-enterprise-page"), "BindEnterprisePage");
const ConsoleContactsPage = page(
  () => import("../features/desk-enterprise/console-contacts-page"),
  "ConsoleContactsPage",
);
const DeskQueuePage = page(() => import("../features/desk/desk-queue-page"), "DeskQueuePage");
const ConsoleProblemPage = page(() => import("../features/desk/console-problem-page"), "ConsoleProblemPage");
const DepartmentInboxPage = page(() => import("../features/desk/department-inbox-page"), "DepartmentInboxPage");
const EscalationBoardPage = page(() => import("../features/desk/escalation-board-page"), "EscalationBoardPage");
const DeskFiguresPage = page(() => import("../features/desk/desk-figures-page"), "DeskFiguresPage");
const CheckInScreenPage = page(() => import("../features/training/check-in-screen-page"), "CheckInScreenPage");

/** /console: the dashboard for staff, their first desk page for the desk's levels. */
function ConsoleIndex(): ReactNode {
  const { viewer } = useSession();
  const roles = viewer?.roles ?? [];
  return <Navigate to={hasAnyRole(roles, CONSOLE_ROLES) ? "/console/dashboard" : deskHomeFor(roles)} replace />;
}

/** Staff only: the console's pages other than the desk's. */
const staffOnly = (element: ReactNode) => <RequireAuth roles={CONSOLE_ROLES}>{element}</RequireAuth>;

/** /me: the profile for trainees, the desk for enterprises' contacts; other signed-in users only have their password here. */
function PortalIndex(): ReactNode {
  const { viewer } = useSession();
  const roles = viewer?.roles ?? [];
  const to = roles.includes("TRAINEE")
    ? "/me/profile"
    : roles.includes("ENTERPRISE_CONTACT")
      ? "/me/desk/problems"
      : "/me/password";
  return <Navigate to={to} replace />;
}

export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "login", element: <LoginPage /> },
      { path: "register", element: <RegisterPage /> },
      { path: "forgot-password", element: <ForgotPasswordPage /> },
      { path: "courses", element: <CoursesPage /> },
      { path: "cohorts", element: <CohortsPage /> },
      { path: "cohorts/:cohortId", element: <CohortPage /> },
      { path: "events", element: <EventsPage /> },
      { path: "events/:eventId", element: <EventPage /> },
      { path: "honor-roll", element: <HonorRollPage /> },
      { path: "verify", element: <VerifyPage /> },
      { path: "verify/:code", element: <VerifyPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
  {
    path: "me",
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalIndex /> },
      {
        path: "profile",
        element: (
          <RequireAuth roles={["TRAINEE"]}>
            <ProfilePage />
          </RequireAuth>
        ),
      },
      {
        path: "cohorts",
        element: (
          <RequireAuth roles={["TRAINEE"]}>
            <MyCohortsPage />
          </RequireAuth>
        ),
      },
      {
        path: "check-in",
        element: (
          <RequireAuth roles={["TRAINEE"]}>
            <CheckInPage />
          </RequireAuth>
        ),
      },
      {
        path: "events",
        element: (
          <RequireAuth roles={["TRAINEE"]}>
            <MyEventsPage />
          </RequireAuth>
        ),
      },
      {
        path: "calendar",
        element: (
          <RequireAuth roles={["TRAINEE"]}>
            <CalendarFeedPage />
          </RequireAuth>
        ),
      },
      { path: "desk/report", element: <ReportProblemPage /> },
      { path: "desk/problems", element: <MyProblemsPage /> },
      { path: "desk/problems/:problemId", element: <ProblemPage /> },
      { path: "desk/bind", element: <BindEnterprisePage /> },
      { path: "notifications", element: <NotificationSettingsPage /> },
      { path: "password", element: <ChangePasswordPage /> },
      { path: "phone", element: <ChangePhonePage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
  {
    // The judge's workspace: a single column like the trainee's, for a desk or a phone.
    path: "judge",
    element: <PortalLayout />,
    children: [
      {
        index: true,
        element: (
          <RequireAuth roles={["JUDGE"]}>
            <JudgeAssignmentsPage />
          </RequireAuth>
        ),
      },
      {
        path: "assignments/:assignmentId",
        element: (
          <RequireAuth roles={["JUDGE"]}>
            <JudgeAssignmentPage />
          </RequireAuth>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
  {
    // The commissioner's workspace (亲清特使): a single column for a phone on a visit.
    path: "commissioner",
    element: <PortalLayout />,
    children: [
      {
        index: true,
        element: (
          <RequireAuth roles={["COMMISSIONER"]}>
            <MyEnterprisesPage />
          </RequireAuth>
        ),
      },
      {
        path: "visits",
        element: (
          <RequireAuth roles={["COMMISSIONER"]}>
            <VisitLogPage />
          </RequireAuth>
        ),
      },
      {
        path: "visits/new",
        element: (
          <RequireAuth roles={["COMMISSIONER"]}>
            <VisitFormPage />
          </RequireAuth>
        ),
      },
      { path: "*", element: <NotFound /> },
    ],
  },
  {
    // The classroom's big screen: the QR code alone, without the console around it.
    path: "console/sessions/:sessionId/screen",
    element: (
      <RequireAuth roles={CONSOLE_ROLES}>
        <CheckInScreenPage />
      </RequireAuth>
    ),
  },
  {
    path: "console",
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <ConsoleIndex /> },
      { path: "dashboard", element: staffOnly(<DashboardPage />) },
      { path: "courses", element: staffOnly(<ConsoleCoursesPage />) },
      { path: "cohorts", element: staffOnly(<ConsoleCohortsPage />) },
      { path: "cohorts/:cohortId", element: staffOnly(<ConsoleCohortPage />) },
      { path: "sessions/:sessionId/attendance", element: staffOnly(<AttendancePage />) },
      { path: "certificates", element: staffOnly(<ConsoleCertificatesPage />) },
      { path: "events", element: staffOnly(<ConsoleEventsPage />) },
      { path: "events/:eventId", element: staffOnly(<ConsoleEventPage />) },
      { path: "speakers", element: staffOnly(<ConsoleSpeakersPage />) },
      { path: "awards", element: staffOnly(<ConsoleAwardCyclesPage />) },
      { path: "awards/:cycleId", element: staffOnly(<ConsoleAwardCyclePage />) },
      { path: "enterprises", element: staffOnly(<EnterprisesPage />) },
      { path: "trainees", element: staffOnly(<TraineesPage />) },
      { path: "enterprise-links", element: staffOnly(<EnterpriseLinksPage />) },
      { path: "enterprise-contacts", element: staffOnly(<ConsoleContactsPage />) },
      { path: "judges", element: staffOnly(<ConsoleJudgesPage />) },
      { path: "imports", element: staffOnly(<ImportsPage />) },
      { path: "delivery-failures", element: staffOnly(<DeliveryFailuresPage />) },
      { path: "desk/coverage", element: staffOnly(<CoveragePage />) },
      { path: "desk/commissioners", element: staffOnly(<CommissionersPage />) },
      { path: "desk/departments", element: staffOnly(<DepartmentsPage />) },
      {
        path: "chambers",
        element: (
          <RequireAuth roles={["ADMIN"]}>
            <ChambersPage />
          </RequireAuth>
        ),
      },
      {
        path: "chambers/:chamberId",
        element: (
          <RequireAuth roles={["ADMIN"]}>
            <ChamberPage />
          </RequireAuth>
        ),
      },
      { path: "claims", element: staffOnly(<TraineeClaimsPage />) },
      {
        path: "users",
        element: (
          <RequireAuth roles={["ADMIN"]}>
            <UsersPage />
          </RequireAuth>
        ),
      },
      {
        path: "audit",
        element: (
          <RequireAuth roles={["ADMIN"]}>
            <AuditPage />
          </RequireAuth>
        ),
      },
      { path: "desk", element: staffOnly(<DeskQueuePage />) },
      // The API checks each row again: a page here only chooses what to ask for.
      { path: "desk/problems/:problemId", element: <ConsoleProblemPage /> },
      {
        path: "desk/inbox",
        element: (
          <RequireAuth roles={["DEPARTMENT_HANDLER"]}>
            <DepartmentInboxPage />
          </RequireAuth>
        ),
      },
      {
        path: "desk/board",
        element: (
          <RequireAuth roles={["LEADER_IN_CHARGE", "DISTRICT_HEAD", ...CONSOLE_ROLES]}>
            <EscalationBoardPage />
          </RequireAuth>
        ),
      },
      {
        path: "desk/figures",
        element: (
          <RequireAuth roles={["LEADER_IN_CHARGE", "DISTRICT_HEAD", ...CONSOLE_ROLES]}>
            <DeskFiguresPage />
          </RequireAuth>
        ),
      },
      { path: "password", element: <ChangePasswordPage /> },
      { path: "phone", element: <ChangePhonePage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
];

/**
 * The whole app inside a router. Declarative routes (not a data router): the pages load their
 * own data with Apollo, and the data router's loader machinery would only add weight.
 */
export function AppRoutes(): ReactNode {
  const { pathname } = useLocation();
  return (
    <SessionProvider>
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<PageLoading />}>{useRoutes(routes)}</Suspense>
      </ErrorBoundary>
    </SessionProvider>
  );
}
