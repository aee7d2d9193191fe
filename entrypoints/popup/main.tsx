/**
 * The toolbar popup's page script: mounts the popup app (components/PopupApp.tsx)
 * with "Your reports" (components/reports/ReportsList.tsx) in its reports slot.
 * `popup.html?tabId=N` shows tab N's state, so the popup also opens as a page.
 */
import { PopupApp } from "../../components/PopupApp";
import { ReportsList } from "../../components/reports/ReportsList";
import { renderInLanguage } from "../../lib/i18n/page-language";
import "./style.css";

const root = document.getElementById("app");
if (root) void renderInLanguage(root, () => <PopupApp reports={<ReportsList />} />, "popupTitle");
