// The machine running the tests may be busy (CI on 2 cores, builds beside it):
// a `waitFor` gets 5 s instead of 1 s before it calls a view wrong.
import { configure } from "@testing-library/preact";

configure({ asyncUtilTimeout: 5000 });
