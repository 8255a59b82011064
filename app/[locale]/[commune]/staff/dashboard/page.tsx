import { DashboardPage, type DashboardPageProps, dashboardMetadata } from "@/components/dashboard/dashboard-page";
import { PERIODIC_WRITER_ROLES } from "@/lib/periodic-reports/roles";

export const dynamic = "force-dynamic";
export const generateMetadata = dashboardMetadata;

/** The grassroots-democracy dashboard (issue 14 §4): the periodic report's figures by quarter and village, with charts. */
export default function Dashboard(props: DashboardPageProps) {
  return <DashboardPage {...props} roles={PERIODIC_WRITER_ROLES} area="staff" />;
}
