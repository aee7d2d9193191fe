import { render } from "preact";

function Popup() {
  return <h1>Fact-check</h1>;
}

render(<Popup />, document.getElementById("app") as HTMLElement);
