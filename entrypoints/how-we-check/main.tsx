/**
 * The "How we check" page's script: mounts components/HowWeCheck.tsx (the
 * verdict scale, how claims are chosen, the sourcing policy, corrections
 * and the corrections log).
 */
import { render } from "preact";
import { HowWeCheck } from "../../components/HowWeCheck";
import "./style.css";

const root = document.getElementById("app");
if (root) render(<HowWeCheck />, root);
