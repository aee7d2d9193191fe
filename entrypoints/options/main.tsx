/**
 * The options page's script: mounts components/OptionsPage.tsx (the report
 * endpoint and what a report contains).
 */
import { render } from "preact";
import { OptionsPage } from "../../components/OptionsPage";
import "./style.css";

const root = document.getElementById("app");
if (root) render(<OptionsPage />, root);
