// next-intl's router and pathname hooks, for client islands under a translation provider.
import { createNavigation } from "next-intl/navigation";

import { routing } from "./routing";

export const { usePathname, useRouter } = createNavigation(routing);
