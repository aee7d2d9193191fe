/**
 * The options page's script: mounts components/OptionsPage.tsx (the report
 * endpoint and what a report contains).
 */
import { OptionsPage } from "../../components/OptionsPage";
import { renderInLanguage } from "../../lib/i18n/page-language";
import "./style.css";

const root = document.getElementById("app");
if (root) void renderInLanguage(root, () => <OptionsPage />, "optionsTitle");
