/**
 * The report page's script (`report.html?selection=<id>&tabId=<n>`, opened
 * by the context menu): mounts components/ReportPage.tsx.
 */
import { render } from "preact";
import { ReportPage } from "../../components/ReportPage";
import "./style.css";

const root = document.getElementById("app");
if (root) render(<ReportPage />, root);
