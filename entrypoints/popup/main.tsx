/**
 * The toolbar popup's page script: mounts the popup app (components/PopupApp.tsx).
 * `popup.html?tabId=N` shows tab N's state, so the popup also opens as a page.
 */
import { render } from "preact";
import { PopupApp } from "../../components/PopupApp";
import "./style.css";

const root = document.getElementById("app");
// The "Your reports" section will be passed here as <PopupApp reports={…} /> once reporting exists.
if (root) render(<PopupApp />, root);
