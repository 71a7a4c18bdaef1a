import { solveDispatch, validateDispatchProblem } from '../../packages/domain/src/index.ts';
import { generateRealisticProblem } from '../../packages/domain/src/dispatch/testing/generate-problem.ts';
const p = generateRealisticProblem(7, {sources:2000,items:50,incidents:5});
for (let i=0;i<30;i++){solveDispatch(p);}
let t=performance.now(); for (let i=0;i<30;i++) validateDispatchProblem(p); console.log('validate', ((performance.now()-t)/30).toFixed(2));
t=performance.now(); for (let i=0;i<30;i++) solveDispatch(p); console.log('solve', ((performance.now()-t)/30).toFixed(2));
