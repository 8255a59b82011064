import { DashboardPage, type DashboardPageProps, dashboardMetadata } from "@/components/dashboard/dashboard-page";
import { FRONT_ROLES } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";
export const generateMetadata = dashboardMetadata;

/** The grassroots-democracy dashboard (issue 14 §4): the periodic report's figures by quarter and village, with charts. */
export default function Dashboard(props: DashboardPageProps) {
  return <DashboardPage {...props} roles={FRONT_ROLES} area="front" />;
}
