/**
 * The report window's script (`report.html?subject=<id>`, opened by the
 * background): mounts components/reports/ReportPage.tsx.
 */
import { ReportPage } from "../../components/reports/ReportPage";
import { renderInLanguage } from "../../lib/i18n/page-language";
import "./style.css";

const root = document.getElementById("app");
if (root) void renderInLanguage(root, () => <ReportPage />, "reportClaimTitle");
