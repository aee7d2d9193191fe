/**
 * The report window's script (`report.html?subject=<id>`, opened by the
 * background): mounts components/reports/ReportPage.tsx.
 */
import { render } from "preact";
import { ReportPage } from "../../components/reports/ReportPage";
import "./style.css";

const root = document.getElementById("app");
if (root) render(<ReportPage />, root);
