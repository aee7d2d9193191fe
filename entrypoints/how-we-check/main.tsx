/**
 * The "How we check" page's script: mounts components/HowWeCheck.tsx (the
 * verdict scale, how claims are chosen, the sourcing policy, corrections
 * and the corrections log).
 */
import { HowWeCheck } from "../../components/HowWeCheck";
import { renderInLanguage } from "../../lib/i18n/page-language";
import "./style.css";

const root = document.getElementById("app");
if (root) void renderInLanguage(root, () => <HowWeCheck />, "howWeCheck");
